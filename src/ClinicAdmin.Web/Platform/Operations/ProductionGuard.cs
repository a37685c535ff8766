using ClinicAdmin.Data;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Platform.Operations;

/// <summary>A state the app refuses to serve in; the message names what to change (shown as one line, exit 78).</summary>
public sealed class StartupRefusedException(string message) : Exception(message);

/// <summary>
/// Production's checks on the database at start (issue 13, finding 6): a database seeded in demo mode earlier keeps
/// sign-ins whose password is printed in the README. Settings-only refusals (public address, SMTP TLS, pickup folder)
/// are options validators next to their options.
/// </summary>
public static class ProductionGuard
{
    public const string DemoDomain = "@demo.clinic";

    public static async Task RefuseUnsafeDatabaseAsync(IServiceProvider services, IHostEnvironment env, CancellationToken ct = default)
    {
        if (!env.IsProduction()) return;
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var demo = await db.Users.Where(u => u.NormalizedEmail!.EndsWith(DemoDomain.ToUpperInvariant())).CountAsync(ct);
        if (demo > 0)
            throw new StartupRefusedException(
                $"the database has {demo} demo sign-in(s) (*{DemoDomain}) whose password is published, which Production refuses. " +
                "Delete them (`users delete-demo`) or start from a database that never ran in demo mode.");
    }
}
