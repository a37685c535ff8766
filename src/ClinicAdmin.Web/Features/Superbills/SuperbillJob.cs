using ClinicAdmin.Web.Platform.Jobs;

namespace ClinicAdmin.Web.Features.Superbills;

/// <summary>Issues one superbill (a visit, a date range or a whole course). Ids in, the document id out.</summary>
public sealed class SuperbillJob(IServiceScopeFactory scopes) : IClinicJob
{
    public const string KindName = "Superbill";
    public string Kind => KindName;

    public sealed record Parameters(SuperbillScope Scope, int Version = 1, int? ReplacesDocumentId = null);

    public async Task<JobOutcome> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var p = context.ParametersAs<Parameters>();
        await context.ReportProgressAsync(0, 1, "Issuing superbill");
        using var scope = scopes.CreateScope();
        var issuer = scope.ServiceProvider.GetRequiredService<SuperbillIssuer>();
        // The run's request key is the document's: a re-run finds the stored document instead of issuing a second one.
        var id = await issuer.IssueAsync(p.Scope, context.RequestKey, p.Version, p.ReplacesDocumentId, context.RequestedBy, cancellationToken);
        await context.ReportProgressAsync(1, 1, "Done");
        return new JobOutcome(id);
    }
}
