using ClinicAdmin.Data;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Jobs;

namespace ClinicAdmin.Web.Features.Jobs;

/// <summary>
/// Command-line view of the job engine, for operators:
///   dotnet ClinicAdmin.Web.dll jobs check [--steps 20] [--delay-ms 500]   queue an engine check (a running instance picks it up)
///   dotnet ClinicAdmin.Web.dll jobs list                                  the latest runs with their state
/// </summary>
public static class JobsCommand
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        using var scope = app.Services.CreateScope();
        switch (args.FirstOrDefault())
        {
            case "check":
                var steps = int.TryParse(Arg(args, "--steps"), out var s) ? Math.Clamp(s, 1, 10_000) : 20;
                var delay = int.TryParse(Arg(args, "--delay-ms"), out var d) ? Math.Clamp(d, 0, 60_000) : 500;
                var run = await scope.ServiceProvider.GetRequiredService<JobQueue>().EnqueueAsync(
                    EngineCheckJob.KindName, $"engine-check-{Guid.NewGuid():N}", new EngineCheckJob.Parameters(steps, delay),
                    $"Engine check ({steps} steps)", null, "command line", null);
                Console.WriteLine($"Queued engine check as run {run.Id}.");
                return 0;
            case "list":
                var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
                foreach (var r in await db.JobRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(50).ToListAsync())
                    Console.WriteLine($"{r.Id,6} {r.Kind,-16} {r.Status,-10} {r.Attempts}/{r.MaxAttempts} {r.Percent,3}% {r.Title} {r.Error}");
                return 0;
            default:
                Console.Error.WriteLine("usage: jobs check [--steps N] [--delay-ms MS] | jobs list");
                return 2;
        }
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
