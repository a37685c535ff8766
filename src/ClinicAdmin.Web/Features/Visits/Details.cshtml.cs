using ClinicAdmin.Domain.Common;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Domain.Staff;
using Route = ClinicAdmin.Domain.Visits.Route;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Features.Patients;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Visits;

/// <summary>
/// One visit. Everyone who manages patients sees when, who, where and the billed lines with payments; the clinical part
/// (route, dose, vitals, add-on details, notes) is loaded and rendered only for clinical readers.
/// </summary>
[Authorize(Policy = Policies.ManagePatients)]
public class DetailsModel(ClinicDbContext db, ClinicTime clinicTime) : PageModel, IPatientDataPage
{
    /// <summary>For the access log: this patient's visit was shown.</summary>
    public PatientAccess? Access { get; private set; }
    public sealed record LineRow(string Code, string? Modifiers, string Description, decimal Units, decimal UnitPrice, decimal Amount, bool IsAddOn, string Pointers, string? Detail);
    public sealed record PaymentRow(int Id, DateTime ReceivedLocal, PaymentMethod Method, decimal Amount, string? Reference);
    public sealed record ClinicalPart(Route Route, decimal? DoseMg, decimal? WeightKg, decimal? MgPerKg, int? InfusionMinutes, VitalSigns Before, VitalSigns At40,
        VitalSigns AtDischarge, string? Notes, int? CourseId, string? CourseLabel, int? SessionNumber);

    public int Id { get; private set; }
    public int PatientId { get; private set; }
    public string PatientName { get; private set; } = "";
    public string Mrn { get; private set; } = "";
    public IReadOnlyList<string> Contraindications { get; private set; } = [];
    /// <summary>The contraindication banner as this user may see it, the same as on the patient page.</summary>
    public string? Flag { get; private set; }
    public DateTime StartedLocal { get; private set; }
    public DateTime? DischargedLocal { get; private set; }
    public string Provider { get; private set; } = "";
    public string PlaceOfService { get; private set; } = "";
    public string Location { get; private set; } = "";
    public IReadOnlyList<LineRow> Lines { get; private set; } = [];
    public IReadOnlyList<PaymentRow> Payments { get; private set; } = [];
    public decimal Total { get; private set; }
    public decimal Paid { get; private set; }
    public ClinicalPart? Clinical { get; private set; }
    public IReadOnlyList<string> Warnings { get; private set; } = [];
    public bool CanRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (id is not { } visitId) return NotFound();
        var v = await db.Visits.AsNoTracking().Include(x => x.ChargeLines).SingleOrDefaultAsync(x => x.Id == visitId);
        if (v is null) return NotFound();
        var clock = await clinicTime.ClockAsync();
        var p = await db.Patients.AsNoTracking().SingleAsync(x => x.Id == v.PatientId);
        var canReadClinical = ClinicalAccess.CanRead(User);
        Access = PatientAccess.View(p.Id);
        Id = visitId; PatientId = p.Id; PatientName = $"{p.FirstName} {p.LastName}"; Mrn = p.Mrn;
        Contraindications = canReadClinical ? p.Contraindications().ToList() : [];
        Flag = PageKit.ScreeningFlag.Text(p, canReadClinical);
        StartedLocal = clock.ToLocal(v.StartedAt);
        DischargedLocal = v.DischargedAt is { } d ? clock.ToLocal(d) : null;
        Provider = await db.Staff.Where(s => s.Id == v.RenderingProviderId)
            .Select(StaffMember.DisplayNameQuery).SingleAsync();
        Location = await db.Locations.Where(l => l.Id == v.LocationId).Select(l => l.Code + " · " + l.Name).SingleAsync();
        PlaceOfService = $"{v.PlaceOfService} {Domain.Clinic.PlaceOfService.Label(v.PlaceOfService)}".Trim();
        // Add-on details are what was given (drug, dose): clinical, so front desk sees the billed item only.
        Lines = v.ChargeLines.OrderBy(l => l.IsAddOn).ThenBy(l => l.Id)
            .Select(l => new LineRow(l.Code, l.Modifiers, l.Description, l.Units, l.UnitPrice, l.Amount, l.IsAddOn, l.DiagnosisPointers, canReadClinical ? l.Detail : null)).ToList();
        var payments = await db.Payments.AsNoTracking().Where(x => x.VisitId == visitId).OrderBy(x => x.ReceivedAt).ThenBy(x => x.Id).ToListAsync();
        Payments = payments.Select(x => new PaymentRow(x.Id, clock.ToLocal(x.ReceivedAt), x.Method, x.Amount, x.Reference)).ToList();
        Total = v.TotalCharge;
        Paid = payments.Sum(x => x.Amount);
        CanRecord = ClinicalAccess.CanRecord(User);

        if (canReadClinical)
        {
            var course = v.TreatmentCourseId is { } cid
                ? await db.Courses.AsNoTracking().Where(c => c.Id == cid).Select(c => new { c.Indication, c.StartDate }).SingleOrDefaultAsync() : null;
            Clinical = new ClinicalPart(v.Route, v.DoseMg, v.WeightKg, v.DoseMgPerKg, v.InfusionMinutes, v.VitalsBefore, v.VitalsAt40Min, v.VitalsAtDischarge, v.Notes,
                v.TreatmentCourseId, course is null ? null : $"{Vocabulary.Label(course.Indication)} course from {RecordText.Date(course.StartDate)}", v.SessionNumber);
            if (TempData["VisitWarnings"] is string w) Warnings = w.Split('\n');
        }
        return Page();
    }
}
