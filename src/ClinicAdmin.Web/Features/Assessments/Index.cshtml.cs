using ClinicAdmin.Domain.Common;
using ClinicAdmin.Data;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Assessments;

/// <summary>One patient's outcome scores: the chart and table, and each course's change from baseline. Clinical readers.</summary>
[Authorize(Policy = Policies.ReadClinical)]
public class IndexModel(ClinicDbContext db) : PageModel, IPatientDataPage
{
    public PatientAccess? Access { get; private set; }
    public sealed record PatientHeader(int Id, string Name, string Mrn, DateOnly DateOfBirth);
    public sealed record CourseRow(int Id, string Indication, DateOnly StartDate, string Status);

    public PatientHeader Patient { get; private set; } = null!;
    public IReadOnlyList<CourseRow> Courses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? patientId)
    {
        var p = await db.Patients.Where(x => x.Id == patientId).Select(x => new PatientHeader(x.Id, x.FirstName + " " + x.LastName, x.Mrn, x.DateOfBirth)).SingleOrDefaultAsync();
        if (p is null) return NotFound();
        Patient = p;
        Access = PatientAccess.View(p.Id);
        var courses = await db.Courses.Where(c => c.PatientId == p.Id).OrderByDescending(c => c.StartDate).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Indication, c.StartDate, c.Status }).ToListAsync();
        Courses = courses.Select(c => new CourseRow(c.Id, Vocabulary.Label(c.Indication), c.StartDate, Vocabulary.Label(c.Status))).ToList();
        return Page();
    }
}
