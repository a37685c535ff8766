using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;

namespace ClinicAdmin.Web.Platform.Observability;

/// <summary>
/// One log event per request: method, route template, status, duration and the Identity user id. Never the raw path
/// or query string (a search box puts patient names there, a patient link its token) and never form values.
/// </summary>
public sealed partial class RequestLog(RequestDelegate next, ILogger<RequestLog> log)
{
    public const string Category = "ClinicAdmin.Requests";

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        // Remembers the first endpoint routing chose: the exception handler and status-code pages re-run the pipeline
        // for /Error and clear the endpoint, but the event should name the page the user asked for.
        var endpoint = new FirstEndpointFeature(context, context.Features.Get<IEndpointFeature>());
        context.Features.Set<IEndpointFeature>(endpoint);
        var status = 0;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        catch
        {
            status = StatusCodes.Status500InternalServerError; // the host answers 500 for an exception that gets this far
            throw;
        }
        finally
        {
            var route = (endpoint.First as RouteEndpoint)?.RoutePattern.RawText is { } raw ? "/" + raw.TrimStart('/') : null;
            var userId = context.User.FindFirst(ClaimTypes.NameIdentifier)?.Value;
            var ms = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1);
            Handled(log, status >= 500 ? LogLevel.Error : LogLevel.Information, context.Request.Method, route ?? "(no route)", status, ms, userId ?? "");
        }
    }

    [LoggerMessage(EventId = 1, EventName = "Request", Message = "HTTP {Method} {Route} answered {StatusCode} in {DurationMs} ms (user {UserId})")]
    private static partial void Handled(ILogger log, LogLevel level, string method, string route, int statusCode, double durationMs, string userId);

    private sealed class FirstEndpointFeature(HttpContext context, IEndpointFeature? inner) : IEndpointFeature
    {
        public Endpoint? First { get; private set; }

        public Endpoint? Endpoint
        {
            get => inner?.Endpoint ?? _own;
            set
            {
                // Only routing of the request itself: a re-run for /Error (404 page, exception) is not what was asked for.
                if (First is null && !IsReExecution) First = value;
                if (inner is not null) inner.Endpoint = value; else _own = value;
            }
        }

        private Endpoint? _own;

        private bool IsReExecution =>
            context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null;
    }
}
