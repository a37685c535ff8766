using ClinicAdmin.Data;
using ClinicAdmin.Reports.Superbills;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Commands;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Features.Superbills;

/// <summary>
/// The sample superbill for the `samples` verb: the treatment course of the first demo patient, rendered, not issued
/// (nothing is stored as a document).
/// </summary>
public sealed class SuperbillSample : ISampleWriter
{
    public const string FileName = "superbill-sample.pdf";

    public async Task<string?> WriteAsync(IServiceProvider services, string outDir)
    {
        var db = services.GetRequiredService<ClinicDbContext>();
        var course = await db.Courses.AsNoTracking().OrderBy(c => c.PatientId).ThenBy(c => c.Id)
            .Where(c => db.Visits.Any(v => v.TreatmentCourseId == c.Id && v.ChargeLines.Any()))
            .Select(c => new { c.Id, c.PatientId }).FirstOrDefaultAsync();
        if (course is null) return null;
        var today = (await services.GetRequiredService<ClinicTime>().ClockAsync()).Today;
        var model = await services.GetRequiredService<SuperbillBuilder>()
            .BuildAsync(SuperbillScope.ForCourse(course.PatientId, course.Id), $"SB-{today.Year}-000001", 1, today);
        if (model is null) return null;
        var pdf = services.GetRequiredService<SuperbillGenerator>().Generate(model);
        var path = Path.Combine(outDir, FileName);
        await File.WriteAllBytesAsync(path, pdf.Bytes);
        return path;
    }
}
