using ClinicAdmin.Data;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Visits;
using Route = ClinicAdmin.Domain.Visits.Route;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Features.Patients;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Courses;

/// <summary>A course at a glance: its diagnoses, sessions with doses, and the outcome against baseline. Clinical readers.</summary>
[Authorize(Policy = Policies.ReadClinical)]
public class DetailsModel(ClinicDbContext db, ClinicTime clinicTime) : PageModel, IPatientDataPage
{
    public PatientAccess? Access { get; private set; }
    public sealed record SessionRow(int VisitId, int? Number, DateTime StartedLocal, string Provider, Route Route, decimal? DoseMg, decimal? MgPerKg, int? InfusionMinutes, string AddOns);

    public int Id { get; private set; }
    public int PatientId { get; private set; }
    public string PatientName { get; private set; } = "";
    public string Mrn { get; private set; } = "";
    public IReadOnlyList<string> Contraindications { get; private set; } = [];
    public Indication Indication { get; private set; }
    public CourseStatus Status { get; private set; }
    public int PlannedSessions { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    public string? Notes { get; private set; }
    public IReadOnlyList<(char Letter, string Code, string Description)> Diagnoses { get; private set; } = [];
    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];
    public bool CanRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (id is not { } courseId) return NotFound();
        var c = await db.Courses.AsNoTracking().Include(x => x.Diagnoses).SingleOrDefaultAsync(x => x.Id == courseId);
        if (c is null) return NotFound();
        var p = await db.Patients.AsNoTracking().SingleAsync(x => x.Id == c.PatientId);
        var clock = await clinicTime.ClockAsync();
        Id = courseId; PatientId = p.Id; Access = PatientAccess.View(p.Id); PatientName = $"{p.FirstName} {p.LastName}"; Mrn = p.Mrn; Contraindications = p.Contraindications().ToList();
        Indication = c.Indication; Status = c.Status; PlannedSessions = c.PlannedSessions; StartDate = c.StartDate; EndDate = c.EndDate; Notes = c.Notes;
        Diagnoses = c.Diagnoses.OrderBy(d => d.Position).Select(d => (CourseRules.Letter(d.Position), d.Code, d.Description)).ToList();
        CanRecord = ClinicalAccess.CanRecord(User);

        var visits = await db.Visits.AsNoTracking().Where(v => v.TreatmentCourseId == courseId)
            .OrderBy(v => v.StartedAt).ThenBy(v => v.Id)
            .Select(v => new
            {
                v.Id, v.SessionNumber, v.StartedAt, v.Route, v.DoseMg, v.WeightKg, v.InfusionMinutes,
                Provider = db.Staff.Where(s => s.Id == v.RenderingProviderId).Select(s => s.FirstName + " " + s.LastName).FirstOrDefault(),
                AddOns = v.ChargeLines.Where(l => l.IsAddOn).OrderBy(l => l.Id).Select(l => l.Detail ?? l.Description).ToList(),
            }).ToListAsync();
        Sessions = visits.Select(v => new SessionRow(v.Id, v.SessionNumber, clock.ToLocal(v.StartedAt), v.Provider ?? "", v.Route, v.DoseMg,
            Dosing.MgPerKg(v.DoseMg, v.WeightKg), v.InfusionMinutes, string.Join("; ", v.AddOns))).ToList();
        return Page();
    }
}
