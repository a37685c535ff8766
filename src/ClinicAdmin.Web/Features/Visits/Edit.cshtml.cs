using System.Text.Json;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Visits;

/// <summary>
/// Record or correct a visit: when, who, the services delivered (priced from the price history on the visit's date and
/// kept as a snapshot), add-ons and pre-medication, route and dose (mg/kg from the weight), vitals, discharge, notes.
/// "Check" shows the series warnings without saving; saving shows them again on the visit page. Clinicians only.
/// </summary>
[Authorize(Policy = Policies.RecordClinical)]
public class EditModel(ClinicDbContext db, ClinicTime clinicTime, IOptions<ClinicalOptions> options, ILogger<EditModel> log) : PageModel, IPatientDataPage
{
    public PatientAccess? Access { get; private set; }
    [BindProperty] public VisitInput Input { get; set; } = new();

    public int? Id { get; private set; }
    public int PatientId { get; private set; }
    public string PatientName { get; private set; } = "";
    public string Mrn { get; private set; } = "";
    public IReadOnlyList<string> Contraindications { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Providers => Choices.Providers;
    /// <summary>Active locations (plus the visit's own if it was deactivated since), with the place of service each starts with.</summary>
    public IReadOnlyList<(int Id, string Label, string PlaceOfService)> Locations => Choices.Locations;
    public IReadOnlyList<(int Id, string Label)> Courses => Choices.Courses;
    public IReadOnlyDictionary<int, ServiceRow> Services => Choices.Services;
    public IReadOnlyList<string> Warnings { get; private set; } = [];
    /// <summary>The ticked lines at the prices of the visit's date (the form's running total).</summary>
    public string Total => VisitPrices.Total(Services, Input.Lines.Where(l => l.Selected).Select(l => (l.ServiceId, l.Units)));
    /// <summary>The clinic's vital-sign warning limits, shown above the vitals.</summary>
    public VitalLimits Limits { get; private set; } = new();
    public bool Checked { get; private set; }
    public int? SessionNumber { get; private set; }
    public decimal? MgPerKg { get; private set; }

    private VisitChoices Choices { get; set; } = new([], [], [], new Dictionary<int, ServiceRow>());

    public async Task<IActionResult> OnGetAsync(int? id, int? patientId, int? courseId, int? appointmentId)
    {
        var clock = await clinicTime.ClockAsync();
        Visit? visit = null;
        if (id is { } existing)
        {
            visit = await db.Visits.AsNoTracking().Include(v => v.ChargeLines).SingleOrDefaultAsync(v => v.Id == existing);
            if (visit is null) return NotFound();
            patientId = visit.PatientId;
        }
        if (patientId is null || !await LoadPatientAsync(patientId.Value)) return NotFound();
        Access = PatientAccess.View(patientId.Value);

        if (visit is not null)
        {
            Id = visit.Id;
            var start = clock.ToLocal(visit.StartedAt);
            Input = VisitInput.From(visit, clock);
            await LoadChoicesAsync(DateOnly.FromDateTime(start), visit, clock);
            Input.Lines = Services.Values.Select(s => visit.ChargeLines.FirstOrDefault(l => l.ServiceId == s.Id) is { } l
                ? new VisitInput.LineInput { ServiceId = s.Id, Selected = true, Units = l.Units, Detail = l.Detail }
                : new VisitInput.LineInput { ServiceId = s.Id }).ToList();
            Input.Loaded = JsonSerializer.Serialize(await VisitSnapshot.OfAsync(db, visit, clock));
        }
        else
        {
            var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
            Choices = await VisitDefaults.FillNewAsync(db, Input, PatientId, courseId, userId, clock);
            if (appointmentId is { } aid) await AppointmentVisit.PrefillAsync(db, Input, Choices, PatientId, aid, clock);
        }
        return Page();
    }

    /// <summary>The price column and total at another date: visits.js asks when the date or the ticked lines change.</summary>
    public async Task<IActionResult> OnGetPricesAsync(int? id, int? patientId, DateTime? at, string[] line) =>
        await VisitPrices.QuoteAsync(db, await clinicTime.ClockAsync(), id, patientId, at, line) is { } quote ? new JsonResult(quote) : NotFound();

    /// <summary>Vital-sign warnings as they are typed (visits.js); Check and Save give them again with the other warnings.</summary>
    public async Task<IActionResult> OnGetVitalWarningsAsync() => new JsonResult(new { warnings = await VisitWarnings.VitalsAsync(db, Request.Query) });

    /// <summary>Validates and shows the warnings (spacing, session count, dose step, provider schedule) without saving.</summary>
    public async Task<IActionResult> OnPostCheckAsync(int? id, int? patientId)
    {
        var (patient, visit) = await LoadForPostAsync(id, patientId);
        if (patient is null) return NotFound();
        var clock = await clinicTime.ClockAsync();
        var parsed = await ValidateAsync(clock, visit);
        Checked = true;
        if (parsed is not null) Warnings = await WarningsAsync(clock, parsed, id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, int? patientId)
    {
        var (patient, visit) = await LoadForPostAsync(id, patientId);
        if (patient is null) return NotFound();
        var clock = await clinicTime.ClockAsync();

        if (id is null && Input.SubmissionKey != Guid.Empty
            && await db.Visits.Where(v => v.SubmissionKey == Input.SubmissionKey).Select(v => (int?)v.Id).FirstOrDefaultAsync() is { } already)
            return AlreadySaved(already);

        var parsed = await ValidateAsync(clock, visit);
        if (parsed is null) return Page();

        if (visit is not null)
        {
            var savedNow = await VisitSnapshot.OfAsync(db, visit, clock);
            var stale = visit.ConcurrencyStamp != Input.ConcurrencyStamp;
            if (stale && EditConflict.ChangedFields(Input.Loaded, savedNow).Count > 0) { Conflict(savedNow, visit.ConcurrencyStamp); return Page(); }
            if (!stale) db.Entry(visit).Property(x => x.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        }
        var isNew = visit is null;
        visit ??= new Visit { PatientId = patient.Id, SubmissionKey = Input.SubmissionKey == Guid.Empty ? Guid.NewGuid() : Input.SubmissionKey };
        var oldCourse = visit.TreatmentCourseId;
        var pricedOn = isNew ? (DateOnly?)null : clock.DateOf(visit.StartedAt);
        parsed.ApplyTo(visit, Input, clock);
        try { visit.ReviseCharges(parsed.Day, pricedOn, parsed.Lines); }
        catch (DomainException ex) { ModelState.AddModelError(ex.Field == "Units" ? "Input.Lines" : "Input." + ex.Field, ex.Message); return Page(); }
        if (isNew)
        {
            db.Visits.Add(visit);
            // The weight measured today becomes the patient's current weight.
            if (parsed.WeightKg is { } w && patient.WeightKg != w) patient.WeightKg = w;
        }
        else db.Entry(visit).Property(x => x.ConcurrencyStamp).IsModified = true;
        await VisitSaving.RenumberAsync(db, visit, oldCourse);

        try { await db.SaveChangesAsync(); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var theirs = await db.Visits.AsNoTracking().Include(v => v.ChargeLines).SingleOrDefaultAsync(v => v.Id == visit.Id);
            if (theirs is null) { ModelState.AddModelError("", EditConflict.Deleted("this visit")); return Page(); }
            Conflict(await VisitSnapshot.OfAsync(db, theirs, clock), theirs.ConcurrencyStamp);
            return Page();
        }
        catch (DbUpdateException) when (isNew)
        {
            // A double click raced past the check above: the unique submission key refused the second insert.
            db.ChangeTracker.Clear();
            var first = await db.Visits.Where(v => v.SubmissionKey == visit.SubmissionKey).Select(v => (int?)v.Id).FirstOrDefaultAsync();
            if (first is null) throw;
            return AlreadySaved(first.Value);
        }

        if (isNew && Input.AppointmentId is { } appointment)
            await AppointmentVisit.LinkAsync(db, appointment, visit.Id, visit.PatientId, clinicTime.UtcNow);
        log.LogInformation("Visit {VisitId} of patient {PatientId} {Action}", visit.Id, visit.PatientId, isNew ? "recorded" : "updated");
        var warnings = await WarningsAsync(clock, parsed, visit.Id);
        if (warnings.Count > 0) TempData["VisitWarnings"] = string.Join("\n", warnings);
        TempData["Flash"] = isNew ? "Visit recorded." : "Visit saved.";
        return RedirectToPage("/Visits/Details", new { id = visit.Id });
    }

    private RedirectToPageResult AlreadySaved(int visitId)
    {
        log.LogInformation("Duplicate submission of visit {VisitId} ignored", visitId);
        TempData["Flash"] = "This visit was already saved (the form was sent twice); nothing was added.";
        return RedirectToPage("/Visits/Details", new { id = visitId });
    }

    // ---- validation ------------------------------------------------------------------------------------------------

    /// <summary>Every rule, each message next to its field; null when anything is wrong (the form is shown again as typed).</summary>
    private async Task<ParsedVisit?> ValidateAsync(ClinicClock clock, Visit? visit)
    {
        var (start, discharge, timeProblems) = VisitFormChecks.Times(Input, clock);
        var day = Input.StartedAt is { } typed ? DateOnly.FromDateTime(typed) : clock.Today;
        await LoadChoicesAsync(day, visit, clock);
        foreach (var (field, message) in timeProblems) ModelState.AddErrorOnce(field, message);

        StaffMember? provider = null;
        if (Input.RenderingProviderId is { } pid)
        {
            provider = await db.Staff.AsNoTracking().Include(x => x.Availability).SingleOrDefaultAsync(x => x.Id == pid);
            if (provider is null) ModelState.AddErrorOnce("Input.RenderingProviderId", "Choose a provider from the list.");
            else if (ProviderSchedule.RenderingProblem(provider, day) is { } problem) ModelState.AddErrorOnce("Input.RenderingProviderId", problem);
        }
        TreatmentCourse? course = null;
        if (Input.TreatmentCourseId is { } cid)
        {
            course = await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cid && c.PatientId == PatientId);
            if (course is null) ModelState.AddErrorOnce("Input.TreatmentCourseId", "Choose one of this patient's courses.");
        }
        var location = Input.LocationId is { } lid ? Locations.FirstOrDefault(l => l.Id == lid) : default;
        if (Input.LocationId is not null && location.Id == 0) ModelState.AddErrorOnce("Input.LocationId", "Choose an active location from the list.");
        var pos = Domain.Clinic.PlaceOfService.Normalize(Input.PlaceOfService);
        if (!string.IsNullOrWhiteSpace(Input.PlaceOfService) && pos is null) ModelState.AddErrorOnce("Input.PlaceOfService", "Place of service is two digits, e.g. 11 (office).");
        if (string.IsNullOrWhiteSpace(Input.PlaceOfService) && location.Id != 0) pos = location.PlaceOfService;
        foreach (var (field, message) in VisitFormChecks.Clinical(Input)) ModelState.AddErrorOnce(field, message);
        var lines = await VisitFormChecks.LinesAsync(db, Input, Services.Keys, day, ModelState.AddErrorOnce);

        SessionNumber = course is not null && start is { } sl ? SessionNumbering.NumberAt(clock.ToUtc(sl), await VisitWarnings.OtherCourseStartsAsync(db, course.Id, Id)) : null;
        MgPerKg = Input.WeightKg <= PatientRules.MaxWeightKg ? Dosing.MgPerKg(Input.DoseMg, Input.WeightKg) : null;
        if (pos is null && ModelState.IsValid) ModelState.AddErrorOnce("Input.PlaceOfService", "Choose the place of service.");
        if (!ModelState.IsValid || start is null || provider is null || pos is null || location.Id == 0) return null;
        return new ParsedVisit(start.Value, discharge, day, provider, location.Id, course, Input.WeightKg, pos, lines);
    }

    private Task<List<string>> WarningsAsync(ClinicClock clock, ParsedVisit p, int? visitId) =>
        new VisitWarnings(db, options.Value).ForAsync(clock, p, Input, visitId);

    // ---- saving ----------------------------------------------------------------------------------------------------

    // ---- loading ---------------------------------------------------------------------------------------------------

    private async Task<(Patient? Patient, Visit? Visit)> LoadForPostAsync(int? id, int? patientId)
    {
        Visit? visit = null;
        if (id is { } existing)
        {
            visit = await db.Visits.Include(v => v.ChargeLines).SingleOrDefaultAsync(v => v.Id == existing);
            if (visit is null) return (null, null);
            Id = existing;
            patientId = visit.PatientId;
        }
        if (patientId is null || !await LoadPatientAsync(patientId.Value)) return (null, null);
        var patient = await db.Patients.SingleAsync(p => p.Id == patientId);
        return (patient, visit);
    }

    private async Task<bool> LoadPatientAsync(int patientId)
    {
        var p = await db.Patients.AsNoTracking().SingleOrDefaultAsync(x => x.Id == patientId);
        if (p is null) return false;
        PatientId = p.Id; PatientName = $"{p.FirstName} {p.LastName}"; Mrn = p.Mrn; Contraindications = p.Contraindications().ToList();
        Limits = await VisitWarnings.LimitsAsync(db);
        return true;
    }

    private async Task LoadChoicesAsync(DateOnly day, Visit? visit, ClinicClock clock) =>
        Choices = await VisitChoices.LoadAsync(db, PatientId, day, visit, visit is null ? null : clock.DateOf(visit.StartedAt), Input.RenderingProviderId,
            Input.Lines.Select(l => l.ServiceId).ToList());

    private void Conflict(Dictionary<string, string?> savedNow, Guid currentStamp) => VisitSaving.Refuse(ModelState, Input, savedNow, currentStamp);
}
