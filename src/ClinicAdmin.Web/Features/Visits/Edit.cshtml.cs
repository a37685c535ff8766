using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using ClinicAdmin.Data;
using ClinicAdmin.Data.Configurations;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Domain.Visits;
using Route = ClinicAdmin.Domain.Visits.Route;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Features.Patients;
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
public class EditModel(ClinicDbContext db, ClinicTime clinicTime, IOptions<ClinicalOptions> options, ILogger<EditModel> log) : PageModel
{
    [BindProperty] public VisitInput Input { get; set; } = new();

    public int? Id { get; private set; }
    public int PatientId { get; private set; }
    public string PatientName { get; private set; } = "";
    public string Mrn { get; private set; } = "";
    public IReadOnlyList<string> Contraindications { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Providers { get; private set; } = [];
    /// <summary>Active locations (plus the visit's own if it was deactivated since), with the place of service each starts with.</summary>
    public IReadOnlyList<(int Id, string Label, string PlaceOfService)> Locations { get; private set; } = [];
    public IReadOnlyList<(int Id, string Label)> Courses { get; private set; } = [];
    public IReadOnlyDictionary<int, ServiceRow> Services { get; private set; } = new Dictionary<int, ServiceRow>();
    public IReadOnlyList<string> Warnings { get; private set; } = [];
    public bool Checked { get; private set; }
    public int? SessionNumber { get; private set; }
    public decimal? MgPerKg { get; private set; }

    public sealed record ServiceRow(int Id, string Name, string Code, ServiceCategory Category, bool IsAddOn, string Price);

    public sealed class VisitInput
    {
        /// <summary>Generated when the form is opened; the unique index makes a second submit of the same form harmless.</summary>
        public Guid SubmissionKey { get; set; }
        public Guid ConcurrencyStamp { get; set; }
        public string? Loaded { get; set; }

        [Display(Name = "Arrival (clinic time)"), Required(ErrorMessage = "Enter the date and time of arrival.")]
        public DateTime? StartedAt { get; set; }
        [Display(Name = "Discharge time")]
        public TimeOnly? DischargeTime { get; set; }
        [Display(Name = "Rendering provider"), Required(ErrorMessage = "Choose the rendering provider.")]
        public int? RenderingProviderId { get; set; }
        [Display(Name = "Location"), Required(ErrorMessage = "Choose the location where the visit took place.")]
        public int? LocationId { get; set; }
        [Display(Name = "Course")]
        public int? TreatmentCourseId { get; set; }
        /// <summary>Empty takes the location's default place of service.</summary>
        [Display(Name = "Place of service"), StringLength(2, ErrorMessage = "Place of service is two digits.")]
        public string? PlaceOfService { get; set; }
        [Display(Name = "Route")]
        public Route Route { get; set; } = Route.IV;
        [Display(Name = "Dose (mg)")]
        public decimal? DoseMg { get; set; }
        [Display(Name = "Weight today (kg)")]
        public decimal? WeightKg { get; set; }
        [Display(Name = "Infusion (minutes)")]
        public int? InfusionMinutes { get; set; }
        public VitalsInput Before { get; set; } = new();
        public VitalsInput At40 { get; set; } = new();
        public VitalsInput Discharge { get; set; } = new();
        [Display(Name = "Notes"), StringLength(FieldLengths.Text, ErrorMessage = "{0} can be at most {1} characters.")]
        public string? Notes { get; set; }
        public List<LineInput> Lines { get; set; } = [];
    }

    public sealed class VitalsInput
    {
        [Display(Name = "Systolic")] public int? Systolic { get; set; }
        [Display(Name = "Diastolic")] public int? Diastolic { get; set; }
        [Display(Name = "Heart rate")] public int? HeartRate { get; set; }
        [Display(Name = "SpO2")] public int? SpO2 { get; set; }

        public VitalSigns ToVitals() => new() { Systolic = Systolic, Diastolic = Diastolic, HeartRate = HeartRate, SpO2 = SpO2 };
        public static VitalsInput From(VitalSigns v) => new() { Systolic = v.Systolic, Diastolic = v.Diastolic, HeartRate = v.HeartRate, SpO2 = v.SpO2 };
    }

    public sealed class LineInput
    {
        public int ServiceId { get; set; }
        public bool Selected { get; set; }
        [Display(Name = "Units")] public decimal? Units { get; set; }
        [Display(Name = "Detail"), StringLength(FieldLengths.Line, ErrorMessage = "{0} can be at most {1} characters.")]
        public string? Detail { get; set; }
    }

    private static readonly (string Key, string Label)[] VitalGroups = [("Before", "before the dose"), ("At40", "at 40 minutes"), ("Discharge", "at discharge")];

    public async Task<IActionResult> OnGetAsync(int? id, int? patientId, int? courseId)
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

        if (visit is not null)
        {
            Id = visit.Id;
            var start = clock.ToLocal(visit.StartedAt);
            Input = new VisitInput
            {
                SubmissionKey = visit.SubmissionKey, ConcurrencyStamp = visit.ConcurrencyStamp, StartedAt = start,
                DischargeTime = visit.DischargedAt is { } d ? TimeOnly.FromDateTime(clock.ToLocal(d)) : null,
                RenderingProviderId = visit.RenderingProviderId, LocationId = visit.LocationId, TreatmentCourseId = visit.TreatmentCourseId, PlaceOfService = visit.PlaceOfService,
                Route = visit.Route, DoseMg = visit.DoseMg, WeightKg = visit.WeightKg, InfusionMinutes = visit.InfusionMinutes,
                Before = VitalsInput.From(visit.VitalsBefore), At40 = VitalsInput.From(visit.VitalsAt40Min), Discharge = VitalsInput.From(visit.VitalsAtDischarge),
                Notes = visit.Notes,
            };
            await LoadChoicesAsync(DateOnly.FromDateTime(start), visit);
            Input.Lines = Services.Values.Select(s => visit.ChargeLines.FirstOrDefault(l => l.ServiceId == s.Id) is { } l
                ? new LineInput { ServiceId = s.Id, Selected = true, Units = l.Units, Detail = l.Detail }
                : new LineInput { ServiceId = s.Id }).ToList();
            Input.Loaded = JsonSerializer.Serialize(await ValuesAsync(visit, clock));
        }
        else
        {
            var now = clock.NowLocal;
            Input.SubmissionKey = Guid.NewGuid();
            Input.StartedAt = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute / 5 * 5, 0);
            Input.WeightKg = await db.Patients.Where(p => p.Id == PatientId).Select(p => p.WeightKg).SingleAsync();
            // Fast entry: the course in progress, and from its last session the provider, route, duration and main services.
            Input.TreatmentCourseId = courseId is { } c && await db.Courses.AnyAsync(x => x.Id == c && x.PatientId == PatientId) ? c
                : await db.Courses.Where(x => x.PatientId == PatientId && (x.Status == CourseStatus.Active || x.Status == CourseStatus.Planned))
                    .OrderByDescending(x => x.StartDate).ThenByDescending(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync();
            var last = await db.Visits.AsNoTracking().Include(v => v.ChargeLines)
                .Where(v => v.PatientId == PatientId && (Input.TreatmentCourseId == null || v.TreatmentCourseId == Input.TreatmentCourseId))
                .OrderByDescending(v => v.StartedAt).FirstOrDefaultAsync();
            var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
            Input.RenderingProviderId = last?.RenderingProviderId
                ?? await db.Staff.Where(s => s.UserId == userId && s.IsRenderingProvider).Select(s => (int?)s.Id).FirstOrDefaultAsync();
            if (last is not null) { Input.Route = last.Route; Input.InfusionMinutes = last.InfusionMinutes; }
            await LoadChoicesAsync(clock.Today, null);
            // Where this patient was last seen (any course), else the only or first active location; the place of service follows it.
            var lastLocation = await db.Visits.Where(v => v.PatientId == PatientId).OrderByDescending(v => v.StartedAt).ThenByDescending(v => v.Id)
                .Select(v => (int?)v.LocationId).FirstOrDefaultAsync();
            Input.LocationId = Domain.Clinic.LocationRules.DefaultFor(lastLocation, Locations.Select(l => new Domain.Clinic.LocationEntry(l.Id, l.Label, l.Label, true)).ToList());
            Input.PlaceOfService = Locations.FirstOrDefault(l => l.Id == Input.LocationId).PlaceOfService ?? "11";
            if (Input.RenderingProviderId is { } rp && !Providers.Any(p => p.Id == rp)) Input.RenderingProviderId = null;
            Input.Lines = Services.Values.Select(s => new LineInput
            {
                ServiceId = s.Id, Selected = last?.ChargeLines.Any(l => l.ServiceId == s.Id && !l.IsAddOn) == true,
                Units = last?.ChargeLines.FirstOrDefault(l => l.ServiceId == s.Id && !l.IsAddOn)?.Units,
            }).ToList();
        }
        return Page();
    }

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
            var savedNow = await ValuesAsync(visit, clock);
            var stale = visit.ConcurrencyStamp != Input.ConcurrencyStamp;
            if (stale && EditConflict.ChangedFields(Input.Loaded, savedNow).Count > 0) { Conflict(savedNow, visit.ConcurrencyStamp); return Page(); }
            if (!stale) db.Entry(visit).Property(x => x.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        }
        var isNew = visit is null;
        visit ??= new Visit { PatientId = patient.Id, SubmissionKey = Input.SubmissionKey == Guid.Empty ? Guid.NewGuid() : Input.SubmissionKey };
        var oldCourse = visit.TreatmentCourseId;
        var dateChanged = !isNew && clock.DateOf(visit.StartedAt) != parsed.Day;
        Apply(visit, parsed, clock);
        Charge(visit, parsed, dateChanged);
        if (isNew)
        {
            db.Visits.Add(visit);
            // The weight measured today becomes the patient's current weight.
            if (parsed.WeightKg is { } w && patient.WeightKg != w) patient.WeightKg = w;
        }
        else db.Entry(visit).Property(x => x.ConcurrencyStamp).IsModified = true;
        await RenumberAsync(visit, oldCourse);

        try { await db.SaveChangesAsync(); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var theirs = await db.Visits.AsNoTracking().Include(v => v.ChargeLines).SingleOrDefaultAsync(v => v.Id == visit.Id);
            if (theirs is null) { ModelState.AddModelError("", "Another user deleted this visit while you were editing."); return Page(); }
            Conflict(await ValuesAsync(theirs, clock), theirs.ConcurrencyStamp);
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

    private sealed record Parsed(DateTime StartLocal, DateTime? DischargeLocal, DateOnly Day, StaffMember Provider, int LocationId, TreatmentCourse? Course,
        decimal? WeightKg, string PlaceOfService, IReadOnlyList<(Service Service, decimal Units, string? Detail)> Lines);

    /// <summary>Every rule, each message next to its field; null when anything is wrong (the form is shown again as typed).</summary>
    private async Task<Parsed?> ValidateAsync(ClinicClock clock, Visit? visit)
    {
        var start = Input.StartedAt is { } s ? new DateTime(s.Year, s.Month, s.Day, s.Hour, s.Minute, 0) : (DateTime?)null;
        var day = start is { } st ? DateOnly.FromDateTime(st) : clock.Today;
        await LoadChoicesAsync(day, visit);
        DateTime? discharge = start is { } a && Input.DischargeTime is { } t ? a.Date + t.ToTimeSpan() : null;
        if (start is { } arrival)
            foreach (var (field, message) in ClinicalLimits.TimingProblems(arrival, discharge, clock.Today)) AddErrorOnce("Input." + field, message);

        StaffMember? provider = null;
        if (Input.RenderingProviderId is { } pid)
        {
            provider = await db.Staff.AsNoTracking().Include(x => x.Availability).SingleOrDefaultAsync(x => x.Id == pid);
            if (provider is null) AddErrorOnce("Input.RenderingProviderId", "Choose a provider from the list.");
            else if (ProviderSchedule.RenderingProblem(provider, day) is { } problem) AddErrorOnce("Input.RenderingProviderId", problem);
        }
        TreatmentCourse? course = null;
        if (Input.TreatmentCourseId is { } cid)
        {
            course = await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cid && c.PatientId == PatientId);
            if (course is null) AddErrorOnce("Input.TreatmentCourseId", "Choose one of this patient's courses.");
        }
        var location = Input.LocationId is { } lid ? Locations.FirstOrDefault(l => l.Id == lid) : default;
        if (Input.LocationId is not null && location.Id == 0) AddErrorOnce("Input.LocationId", "Choose an active location from the list.");
        var pos = Domain.Clinic.PlaceOfService.Normalize(Input.PlaceOfService);
        if (!string.IsNullOrWhiteSpace(Input.PlaceOfService) && pos is null) AddErrorOnce("Input.PlaceOfService", "Place of service is two digits, e.g. 11 (office).");
        if (string.IsNullOrWhiteSpace(Input.PlaceOfService) && location.Id != 0) pos = location.PlaceOfService;
        if (!Enum.IsDefined(Input.Route)) AddErrorOnce("Input.Route", "Choose the route.");
        if (ClinicalLimits.DoseProblem(Input.DoseMg) is { } dose) AddErrorOnce("Input.DoseMg", dose);
        if (Input.DoseMg is not null && Input.Route == Route.None) AddErrorOnce("Input.Route", "Choose the route the dose was given by.");
        if (PatientRules.WeightProblem(Input.WeightKg) is { } weight) AddErrorOnce("Input.WeightKg", weight);
        if (ClinicalLimits.InfusionMinutesProblem(Input.InfusionMinutes) is { } minutes) AddErrorOnce("Input.InfusionMinutes", minutes);
        foreach (var (key, label) in VitalGroups)
        {
            var vitals = key switch { "Before" => Input.Before, "At40" => Input.At40, _ => Input.Discharge };
            foreach (var (field, message) in ClinicalLimits.VitalsProblems(vitals.ToVitals()))
                AddErrorOnce($"Input.{key}.{field}", $"{message} ({label})");
        }

        var lines = new List<(Service, decimal, string?)>();
        var known = Services.Keys.ToList();
        var catalog = await db.Services.AsNoTracking().Include(x => x.Prices).Where(x => known.Contains(x.Id)).ToDictionaryAsync(x => x.Id);
        for (var i = 0; i < Input.Lines.Count; i++)
        {
            var line = Input.Lines[i];
            if (!line.Selected) continue;
            if (!catalog.TryGetValue(line.ServiceId, out var service)) { AddErrorOnce("Input.Lines", "A chosen service is no longer in the catalog; reload the form."); continue; }
            var units = line.Units ?? service.DefaultUnits;
            try
            {
                new Visit().Charge(service, day, units);
                lines.Add((service, units, string.IsNullOrWhiteSpace(line.Detail) ? null : line.Detail.Trim()));
            }
            catch (DomainException ex) { AddErrorOnce(ex.Message.StartsWith("Units") ? $"Input.Lines[{i}].Units" : "Input.Lines", ex.Message); }
        }
        if (!Input.Lines.Any(l => l.Selected)) AddErrorOnce("Input.Lines", "Choose at least one service delivered.");

        SessionNumber = course is not null && start is { } sl ? SessionNumbering.NumberAt(clock.ToUtc(sl), await OtherCourseStartsAsync(course.Id, Id)) : null;
        MgPerKg = Input.DoseMg is { } mg && Input.WeightKg is > 0 && Input.WeightKg <= PatientRules.MaxWeightKg ? Math.Round(mg / Input.WeightKg.Value, 3) : null;
        if (pos is null && ModelState.IsValid) AddErrorOnce("Input.PlaceOfService", "Choose the place of service.");
        if (!ModelState.IsValid || start is null || provider is null || pos is null || location.Id == 0) return null;
        return new Parsed(start.Value, discharge, day, provider, location.Id, course, Input.WeightKg, pos, lines);
    }

    private Task<List<DateTime>> OtherCourseStartsAsync(int courseId, int? exceptVisit) =>
        db.Visits.Where(v => v.TreatmentCourseId == courseId && v.Id != (exceptVisit ?? 0)).Select(v => v.StartedAt).ToListAsync();

    /// <summary>Non-blocking warnings for the visit as typed.</summary>
    private async Task<List<string>> WarningsAsync(ClinicClock clock, Parsed p, int? visitId)
    {
        var warnings = new List<string>();
        var startUtc = clock.ToUtc(p.StartLocal);
        if (p.Course is { } course)
        {
            var earlier = await db.Visits.AsNoTracking()
                .Where(v => v.TreatmentCourseId == course.Id && v.Id != (visitId ?? 0) && v.StartedAt < startUtc)
                .OrderByDescending(v => v.StartedAt).Select(v => new { v.StartedAt, v.DoseMg, v.WeightKg }).ToListAsync();
            if (SeriesRules.SpacingWarning(earlier.Count > 0 ? clock.DateOf(earlier[0].StartedAt) : null, p.Day) is { } spacing) warnings.Add(spacing);
            var number = SessionNumbering.NumberAt(startUtc, await OtherCourseStartsAsync(course.Id, visitId));
            if (SeriesRules.SessionCountWarning(number, course.PlannedSessions) is { } count) warnings.Add(count);
            var previousDose = earlier.FirstOrDefault(v => v.DoseMg is not null && v.WeightKg is > 0);
            var thisMgPerKg = Input.DoseMg is { } mg && p.WeightKg is > 0 ? Math.Round(mg / p.WeightKg.Value, 3) : (decimal?)null;
            if (SeriesRules.DoseStepWarning(previousDose is null ? null : Math.Round(previousDose.DoseMg!.Value / previousDose.WeightKg!.Value, 3), thisMgPerKg,
                    options.Value.MaxDoseStepMgPerKg) is { } step) warnings.Add(step);
        }
        if (ProviderSchedule.AvailabilityWarning(p.Provider, p.StartLocal) is { } schedule) warnings.Add(schedule);
        return warnings;
    }

    // ---- saving ----------------------------------------------------------------------------------------------------

    private void Apply(Visit v, Parsed p, ClinicClock clock)
    {
        v.StartedAt = clock.ToUtc(p.StartLocal);
        v.DischargedAt = p.DischargeLocal is { } d ? clock.ToUtc(d) : null;
        v.RenderingProviderId = p.Provider.Id;
        v.LocationId = p.LocationId;
        v.TreatmentCourseId = p.Course?.Id;
        v.PlaceOfService = p.PlaceOfService;
        v.Route = Input.Route;
        v.DoseMg = Input.DoseMg;
        v.WeightKg = p.WeightKg;
        v.InfusionMinutes = Input.InfusionMinutes;
        v.VitalsBefore = Input.Before.ToVitals();
        v.VitalsAt40Min = Input.At40.ToVitals();
        v.VitalsAtDischarge = Input.Discharge.ToVitals();
        v.Notes = string.IsNullOrWhiteSpace(Input.Notes) ? null : Input.Notes.Trim();
    }

    /// <summary>
    /// Charge lines: a line already on the visit keeps its price snapshot (only units and detail change); a new line
    /// takes the price in force on the visit's date. If the visit's date was corrected, every line is priced again
    /// from the corrected date, because a bill shows the price of the date of service.
    /// </summary>
    private static void Charge(Visit v, Parsed p, bool dateChanged)
    {
        v.ChargeLines.RemoveAll(l => dateChanged || !p.Lines.Any(x => x.Service.Id == l.ServiceId));
        foreach (var (service, units, detail) in p.Lines)
        {
            var line = v.ChargeLines.FirstOrDefault(l => l.ServiceId == service.Id);
            if (line is null) line = v.Charge(service, p.Day, units);
            else if (line.Units != units) { line.Units = units; line.Amount = Money.LineTotal(line.UnitPrice, units); }
            line.Detail = service.IsAddOn ? detail : null;
        }
    }

    /// <summary>Session numbers of the course(s) touched: this visit's course, and the one it left.</summary>
    private async Task RenumberAsync(Visit visit, int? oldCourse)
    {
        if (visit.TreatmentCourseId is null) visit.SessionNumber = null;
        foreach (var courseId in new[] { visit.TreatmentCourseId, oldCourse }.OfType<int>().Distinct())
        {
            var others = await db.Visits.Where(v => v.TreatmentCourseId == courseId && v.Id != visit.Id).ToListAsync();
            SessionNumbering.Renumber(visit.TreatmentCourseId == courseId ? [.. others, visit] : others);
        }
    }

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
        return true;
    }

    /// <summary>Providers able to render on the date, the patient's courses, and the catalog priced on the date.</summary>
    private async Task LoadChoicesAsync(DateOnly day, Visit? visit)
    {
        var staff = await db.Staff.AsNoTracking().Where(s => s.IsRenderingProvider).OrderBy(s => s.LastName).ThenBy(s => s.FirstName).ToListAsync();
        Providers = staff.Where(s => ProviderSchedule.RenderingProblem(s, day) is null || s.Id == Input.RenderingProviderId || s.Id == visit?.RenderingProviderId)
            .Select(s => (s.Id, s.DisplayName + (ProviderSchedule.RenderingProblem(s, day) is null ? "" : " (not available on this date)"))).ToList();
        var keep = visit?.LocationId;
        Locations = (await db.Locations.AsNoTracking().Where(l => l.IsActive || l.Id == keep).OrderBy(l => l.Code)
                .Select(l => new { l.Id, l.Code, l.Name, l.IsActive, l.DefaultPlaceOfService }).ToListAsync())
            .Select(l => (l.Id, $"{l.Code} · {l.Name}{(l.IsActive ? "" : " (inactive)")}", l.DefaultPlaceOfService)).ToList();
        Courses = (await db.Courses.AsNoTracking().Where(c => c.PatientId == PatientId).OrderByDescending(c => c.StartDate).ToListAsync())
            .Select(c => (c.Id, $"{Vocabulary.Label(c.Indication)} · from {RecordText.Date(c.StartDate)} · {Vocabulary.Label(c.Status)} · {c.PlannedSessions} planned")).ToList();
        var onVisit = visit?.ChargeLines.Select(l => l.ServiceId).ToList() ?? [];
        var posted = Input.Lines.Select(l => l.ServiceId).ToList();
        var services = await db.Services.AsNoTracking().Include(s => s.Prices)
            .Where(s => s.IsActive || onVisit.Contains(s.Id) || posted.Contains(s.Id)).ToListAsync();
        Services = services
            .OrderBy(s => s.IsAddOn).ThenBy(s => s.Category).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(s => s.Id, s =>
            {
                var kept = visit?.ChargeLines.FirstOrDefault(l => l.ServiceId == s.Id);
                var price = kept is not null ? $"{RecordText.Money(kept.UnitPrice)} (as billed)"
                    : s.PriceOn(day) is { } pr ? RecordText.Money(pr.Amount) : "no price on this date";
                return new ServiceRow(s.Id, s.Name, BillingCode.Display(s.BillingCode, s.Modifiers), s.Category, s.IsAddOn, price);
            });
    }

    // ---- concurrency -----------------------------------------------------------------------------------------------

    private async Task<Dictionary<string, string?>> ValuesAsync(Visit v, ClinicClock clock)
    {
        var provider = await db.Staff.Where(s => s.Id == v.RenderingProviderId).Select(s => s.FirstName + " " + s.LastName).FirstOrDefaultAsync();
        var location = await db.Locations.Where(l => l.Id == v.LocationId).Select(l => l.Name).FirstOrDefaultAsync();
        return Values(v, clock, provider, location);
    }

    private static Dictionary<string, string?> Values(Visit v, ClinicClock clock, string? provider, string? location) => new()
    {
        ["LocationId"] = location,
        ["StartedAt"] = RecordText.DateTime(clock.ToLocal(v.StartedAt)),
        ["DischargeTime"] = v.DischargedAt is { } d ? RecordText.Time(clock.ToLocal(d)) : null,
        ["RenderingProviderId"] = provider, ["TreatmentCourseId"] = v.TreatmentCourseId?.ToString(), ["PlaceOfService"] = v.PlaceOfService,
        ["Route"] = v.Route.ToString(), ["DoseMg"] = RecordText.Number(v.DoseMg), ["WeightKg"] = RecordText.Number(v.WeightKg, "0.0"),
        ["InfusionMinutes"] = v.InfusionMinutes?.ToString(),
        ["Before"] = Vitals(v.VitalsBefore), ["At40"] = Vitals(v.VitalsAt40Min), ["Discharge"] = Vitals(v.VitalsAtDischarge),
        ["Notes"] = v.Notes,
        ["Lines"] = string.Join(", ", v.ChargeLines.OrderBy(l => l.ServiceId).Select(l => $"{l.Description} ×{l.Units:0.##}{(l.Detail is null ? "" : " (" + l.Detail + ")")}")),
    };

    private static string Vitals(VitalSigns s) => $"{s.Systolic}/{s.Diastolic} HR {s.HeartRate} SpO2 {s.SpO2}";


    private static readonly Dictionary<string, string> Labels = new()
    {
        ["LocationId"] = "Location", ["StartedAt"] = "Arrival", ["DischargeTime"] = "Discharge time", ["RenderingProviderId"] = "Provider", ["TreatmentCourseId"] = "Course",
        ["PlaceOfService"] = "Place of service", ["Route"] = "Route", ["DoseMg"] = "Dose (mg)", ["WeightKg"] = "Weight (kg)", ["InfusionMinutes"] = "Infusion minutes",
        ["Before"] = "Vitals before", ["At40"] = "Vitals at 40 min", ["Discharge"] = "Vitals at discharge", ["Notes"] = "Notes", ["Lines"] = "Services",
    };

    private void Conflict(Dictionary<string, string?> savedNow, Guid currentStamp)
    {
        var changed = EditConflict.ChangedFields(Input.Loaded, savedNow);
        ModelState.AddModelError("", "Another user saved this visit while you were editing, so your changes were not saved. " +
            (changed.Count > 0 ? "Changed by them: " + string.Join("; ", changed.Select(f => $"{Labels.GetValueOrDefault(f, f)}: now “{savedNow[f]}”")) + ". " : "") +
            "Your values are still in the form: save again to replace theirs with yours, or reload the page to start from theirs.");
        Input.ConcurrencyStamp = currentStamp;
        Input.Loaded = JsonSerializer.Serialize(savedNow);
        ModelState.Remove("Input.ConcurrencyStamp");
        ModelState.Remove("Input.Loaded");
    }

    private void AddErrorOnce(string key, string message)
    {
        if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0) return;
        ModelState.AddModelError(key, message);
    }
}
