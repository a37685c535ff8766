using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Visits;
using Route = ClinicAdmin.Domain.Visits.Route;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Patients;

/// <summary>
/// The whole story of one patient at a glance. Front desk sees demographics, insurance, diagnoses, courses, visits
/// with their charges, and payments; clinical readers also see doses, session numbers, scores and incidents.
/// </summary>
[Authorize(Policy = Policies.ManagePatients)]
public class DetailsModel(ClinicDbContext db, ClinicTime clinicTime) : PageModel, IPatientDataPage
{
    /// <summary>For the access log: this patient's record was shown.</summary>
    public PatientAccess? Access { get; private set; }
    /// <summary>The medical director and practice manager see who opened this record.</summary>
    public bool CanReadAccesses { get; private set; }
    public sealed record Header(int Id, string Mrn, string FirstName, string LastName, DateOnly DateOfBirth, string? Sex, string? Email, string? Phone,
        Address Address, string? InsurancePayer, string? InsuranceMemberId, decimal? WeightKg, IReadOnlyList<string> Contraindications);
    public sealed record DiagnosisRow(string Code, string Description, bool IsPrimary);
    public sealed record CourseRow(int Id, Indication Indication, DateOnly StartDate, DateOnly? EndDate, CourseStatus Status, int Planned, int Sessions, string Codes);
    public sealed record LineRow(string Description, string? Detail, bool IsAddOn, decimal Amount);
    public sealed record VisitRow(int Id, DateTime StartedLocal, string Provider, int? CourseId, int? SessionNumber, Route Route, decimal? DoseMg, decimal? MgPerKg,
        IReadOnlyList<LineRow> Lines, decimal Charge, decimal Paid);
    public sealed record PaymentRow(int Id, DateTime ReceivedLocal, PaymentMethod Method, decimal Amount, string? Reference, int? VisitId, DateTime? VisitLocal,
        bool IsReversal, bool IsReversed, string RecordedBy);

    public int Id { get; private set; }
    public Header Patient { get; private set; } = null!;
    public IReadOnlyList<DiagnosisRow> Diagnoses { get; private set; } = [];
    public IReadOnlyList<CourseRow> Courses { get; private set; } = [];
    public IReadOnlyList<VisitRow> Visits { get; private set; } = [];
    /// <summary>The visit table shows the latest this many unless ?visits=all: a long record stays quick to open and read.</summary>
    public const int VisitsShown = 20;
    [BindProperty(SupportsGet = true, Name = "visits")] public string? VisitsScope { get; set; }
    public IEnumerable<VisitRow> VisitsOnPage => VisitsScope == "all" ? Visits : Visits.Take(VisitsShown);
    public IReadOnlyList<PaymentRow> Payments { get; private set; } = [];
    /// <summary>Payments are paged like visits: the latest this many unless ?payments=all.</summary>
    public const int PaymentsShown = 20;
    [BindProperty(SupportsGet = true, Name = "payments")] public string? PaymentsScope { get; set; }
    public IEnumerable<PaymentRow> PaymentsOnPage => PaymentsScope == "all" ? Payments : Payments.Take(PaymentsShown);
    public decimal TotalCharges { get; private set; }
    public decimal TotalPaid { get; private set; }
    public decimal Balance { get; private set; }
    public DateOnly Today { get; private set; }
    public bool CanReadClinical { get; private set; }
    /// <summary>The contraindication banner as this user may see it (<see cref="ScreeningFlag"/>).</summary>
    public string? Flag { get; private set; }
    public bool CanRecordClinical { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (id is not { } patientId) return NotFound();
        var p = await db.Patients.AsNoTracking().Where(x => x.Id == patientId).SingleOrDefaultAsync();
        if (p is null) return NotFound();
        Id = patientId;
        Access = PatientAccess.View(patientId);
        CanReadAccesses = ClinicalAccess.Allows(User, Policies.ReadAudit);
        var clock = await clinicTime.ClockAsync();
        Today = clock.Today;
        CanReadClinical = ClinicalAccess.CanRead(User);
        CanRecordClinical = ClinicalAccess.CanRecord(User);
        Patient = new Header(p.Id, p.Mrn, p.FirstName, p.LastName, p.DateOfBirth, p.Sex, p.Email, p.Phone, p.Address, p.InsurancePayer, p.InsuranceMemberId,
            p.WeightKg, p.Contraindications().ToList());
        Flag = ScreeningFlag.Text(p, CanReadClinical);

        Diagnoses = await db.PatientDiagnoses.AsNoTracking().Where(d => d.PatientId == patientId)
            .OrderByDescending(d => d.IsPrimary).ThenBy(d => d.Id)
            .Select(d => new DiagnosisRow(d.Code, d.Description, d.IsPrimary)).ToListAsync();

        var courses = await db.Courses.AsNoTracking().Where(c => c.PatientId == patientId)
            .OrderByDescending(c => c.StartDate).ThenByDescending(c => c.Id)
            .Select(c => new
            {
                c.Id, c.Indication, c.StartDate, c.EndDate, c.Status, c.PlannedSessions,
                Sessions = db.Visits.Count(v => v.TreatmentCourseId == c.Id),
                Codes = c.Diagnoses.OrderBy(d => d.Position).Select(d => d.Code).ToList(),
            }).ToListAsync();
        Courses = courses.Select(c => new CourseRow(c.Id, c.Indication, c.StartDate, c.EndDate, c.Status, c.PlannedSessions, c.Sessions, string.Join(", ", c.Codes))).ToList();

        var visits = await db.Visits.AsNoTracking().Where(v => v.PatientId == patientId)
            .OrderByDescending(v => v.StartedAt).ThenByDescending(v => v.Id)
            .Select(v => new
            {
                v.Id, v.StartedAt, v.TreatmentCourseId, v.SessionNumber, v.Route, v.DoseMg, v.WeightKg,
                Provider = db.Staff.Where(s => s.Id == v.RenderingProviderId).Select(s => s.Credentials == "" ? s.FirstName + " " + s.LastName : s.FirstName + " " + s.LastName + ", " + s.Credentials).FirstOrDefault(),
                Lines = v.ChargeLines.OrderBy(l => l.IsAddOn).ThenBy(l => l.Id).Select(l => new LineRow(l.Description, l.Detail, l.IsAddOn, l.Amount)).ToList(),
            }).ToListAsync();

        var payments = await db.Payments.AsNoTracking().Where(x => x.PatientId == patientId)
            .OrderByDescending(x => x.ReceivedAt).ThenByDescending(x => x.Id).ToListAsync();
        var reversed = payments.Select(PaymentRules.ReversedId).OfType<int>().ToHashSet();

        var visitStarts = visits.ToDictionary(v => v.Id, v => clock.ToLocal(v.StartedAt));
        Visits = visits.Select(v => new VisitRow(v.Id, visitStarts[v.Id], v.Provider ?? "", v.TreatmentCourseId, v.SessionNumber, v.Route, v.DoseMg,
            Dosing.MgPerKg(v.DoseMg, v.WeightKg),
            v.Lines, v.Lines.Sum(l => l.Amount), payments.Where(x => x.VisitId == v.Id).Sum(x => x.Amount))).ToList();
        Payments = payments.Select(x => new PaymentRow(x.Id, clock.ToLocal(x.ReceivedAt), x.Method, x.Amount, x.Reference, x.VisitId,
            x.VisitId is { } vid && visitStarts.TryGetValue(vid, out var at) ? at : null, PaymentRules.IsReversal(x), reversed.Contains(x.Id), x.RecordedBy)).ToList();

        TotalCharges = Visits.Sum(v => v.Charge);
        TotalPaid = payments.Sum(x => x.Amount);
        Balance = PaymentRules.Balance(Visits.Select(v => v.Charge), payments.Select(x => x.Amount));
        return Page();
    }
}
