using System.Security.Claims;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Auditing;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinicAdmin.Web.Features.AccessLog;

/// <summary>
/// Writes the access log for every page that shows patient data, so those pages stay free of logging code: after the
/// handler ran, a page or file answer from an <see cref="IPatientDataPage"/> with something to report is one row.
/// The row is saved before the answer is sent: if it cannot be saved, the data is not shown (the 503 page answers).
/// Written through its own DbContext so nothing the page tracked is saved with it. Nothing goes to the app log.
/// </summary>
public sealed class AccessLogFilter(IServiceScopeFactory scopes, TimeProvider time) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not null && !executed.ExceptionHandled) return;
        if (executed.HandlerInstance is not IPatientDataPage { Access: { } access }) return;
        if (executed.Result is not (null or PageResult or FileResult)) return;
        var user = context.HttpContext.User;
        var entry = new AccessLogEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            UserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
            UserName = user.Identity?.Name ?? "unknown",
            PatientId = access.PatientId,
            Page = context.ActionDescriptor.ViewEnginePath,
            Action = access.Action,
            SearchKind = access.SearchKind,
        };
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        db.AccessLog.Add(entry);
        await db.SaveChangesAsync(context.HttpContext.RequestAborted);
    }
}
