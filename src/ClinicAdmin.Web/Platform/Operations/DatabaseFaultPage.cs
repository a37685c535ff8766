using ClinicAdmin.Data;
using System.Net;
using Microsoft.AspNetCore.Diagnostics;

namespace ClinicAdmin.Web.Platform.Operations;

/// <summary>
/// A 503 page with Retry-After for <see cref="DatabaseFaults"/>, instead of the generic error page or a stack trace.
/// Written directly (no Razor page, no layout, no sign-in check): all of those may need the database that is failing.
/// Serves as an <see cref="IExceptionHandler"/> (Production, Testing) and as a developer-page filter (Development).
/// </summary>
public sealed class DatabaseFaultPage(ILogger<DatabaseFaultPage> log) : IExceptionHandler, IDeveloperPageExceptionFilter
{
    public const int RetryAfterSeconds = 30;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (DatabaseFaults.Classify(exception) is not { } fault || context.Response.HasStarted) return false;
        await WriteAsync(context, fault, exception);
        return true;
    }

    public async Task HandleExceptionAsync(ErrorContext errorContext, Func<ErrorContext, Task> next)
    {
        if (DatabaseFaults.Classify(errorContext.Exception) is { } fault && !errorContext.HttpContext.Response.HasStarted)
            await WriteAsync(errorContext.HttpContext, fault, errorContext.Exception);
        else await next(errorContext);
    }

    private async Task WriteAsync(HttpContext context, DatabaseFault fault, Exception exception)
    {
        // The path only (a query string may carry a searched name), and the error code, never the message.
        log.LogWarning("Database fault {Fault} ({Code}) on {Method} {Path}: answered 503", fault, DatabaseFaults.CodeOf(exception), context.Request.Method,
            context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value); // the page asked for, not /Error
        var (heading, message) = DatabaseFaults.Describe(fault);
        var root = WebUtility.HtmlEncode(context.Request.PathBase.Value ?? "");
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>{WebUtility.HtmlEncode(heading)} · ClinicAdmin</title>
                <link rel="stylesheet" href="{root}/lib/bootstrap/bootstrap.min.css" />
                <link rel="stylesheet" href="{root}/css/site.css" />
            </head>
            <body>
            <main class="container py-4" id="database-fault" data-fault="{fault}">
                <h1 class="h3">{WebUtility.HtmlEncode(heading)}</h1>
                <p id="fault-message">{WebUtility.HtmlEncode(message)}</p>
                <p class="text-secondary small">Reference: <code>{WebUtility.HtmlEncode(context.TraceIdentifier)}</code></p>
                <a href="{root}/">Back to the start page</a>
            </main>
            </body>
            </html>
            """);
    }
}
