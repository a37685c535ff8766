using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Reports.Superbills;
using ClinicAdmin.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Superbills;

/// <summary>
/// Regenerates the sample outputs from demo data:
///   ASPNETCORE_ENVIRONMENT=Development Database__DataDirectory=/tmp/clinic-samples dotnet ClinicAdmin.Web.dll samples [--out reports/samples]
/// (a throw-away data folder with demo data on; the demo seed is deterministic). Writes superbill-sample.pdf — the
/// treatment course of the first demo patient — and whatever the <see cref="Extra"/> hooks add (the outcome workbook).
/// The sample is rendered, not issued: nothing is stored as a document.
/// </summary>
public static class SamplesCommand
{
    /// <summary>More sample writers (service provider, output folder), added by other features.</summary>
    public static readonly List<Func<IServiceProvider, string, Task>> Extra = [];

    public const string SuperbillFileName = "superbill-sample.pdf";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var i = Array.IndexOf(args, "--out");
        var outDir = Path.GetFullPath(i >= 0 && i + 1 < args.Length ? args[i + 1] : Path.Combine("reports", "samples"));
        Directory.CreateDirectory(outDir);
        await app.InitializeDatabaseAsync();
        using var scope = app.Services.CreateScope();
        var path = await WriteSuperbillSampleAsync(scope.ServiceProvider, outDir);
        if (path is null)
        {
            Console.Error.WriteLine("No demo patient with a treatment course: run with Demo:Enabled=true (Development) on an empty data folder.");
            return 1;
        }
        Console.WriteLine($"Wrote {path}");
        foreach (var extra in Extra) await extra(scope.ServiceProvider, outDir);
        return 0;
    }

    /// <summary>The demo course of the first demo patient as a PDF in <paramref name="outDir"/>; null without demo data.</summary>
    public static async Task<string?> WriteSuperbillSampleAsync(IServiceProvider services, string outDir)
    {
        var db = services.GetRequiredService<ClinicDbContext>();
        var course = await db.Courses.AsNoTracking().OrderBy(c => c.PatientId).ThenBy(c => c.Id)
            .Where(c => db.Visits.Any(v => v.TreatmentCourseId == c.Id && v.ChargeLines.Any()))
            .Select(c => new { c.Id, c.PatientId }).FirstOrDefaultAsync();
        if (course is null) return null;
        var zone = await db.ClinicSettings.Select(s => s.TimeZoneId).FirstOrDefaultAsync() ?? "UTC";
        var today = ClinicClock.For(zone, services.GetRequiredService<TimeProvider>()).Today;
        var model = await services.GetRequiredService<SuperbillBuilder>()
            .BuildAsync(SuperbillScope.ForCourse(course.PatientId, course.Id), $"SB-{today.Year}-000001", 1, today);
        if (model is null) return null;
        var pdf = services.GetRequiredService<SuperbillGenerator>().Generate(model);
        var path = Path.Combine(outDir, SuperbillFileName);
        await File.WriteAllBytesAsync(path, pdf.Bytes);
        return path;
    }
}
