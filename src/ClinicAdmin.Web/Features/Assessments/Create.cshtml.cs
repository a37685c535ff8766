using System.ComponentModel.DataAnnotations;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Assessments;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Assessments;

/// <summary>
/// Record an outcome score item by item. The total and band are computed by <see cref="Scoring"/> on the server
/// (the browser only previews them); a posted total is never read.
/// </summary>
[Authorize(Policy = Policies.RecordClinical)]
public class CreateModel(ClinicDbContext db, ClinicTime clinicTime, ILogger<CreateModel> log) : PageModel, IPatientDataPage
{
    public PatientAccess? Access { get; private set; }
    [BindProperty(SupportsGet = true)] public int? PatientId { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public ScoreInput Input { get; set; } = new();

    public sealed class ScoreInput
    {
        public Instrument Instrument { get; set; } = Instrument.Phq9;
        [Display(Name = "Treatment course")] public int? CourseId { get; set; }
        [Display(Name = "Visit")] public int? VisitId { get; set; }
        [Display(Name = "Taken at (clinic time)"), Required(ErrorMessage = "Enter when the score was taken.")]
        public DateTime? TakenAt { get; set; }
        /// <summary>Answers by item index (0-based); a missing key = not answered. A dictionary, so a gap does not stop binding.</summary>
        public Dictionary<int, int?> Items { get; set; } = [];
    }

    public sealed record PatientHeader(int Id, string Name, string Mrn, DateOnly DateOfBirth);
    public sealed record Choice(int Id, string Text, int? CourseId);

    public PatientHeader Patient { get; private set; } = null!;
    public IReadOnlyList<Choice> Courses { get; private set; } = [];
    public IReadOnlyList<Choice> Visits { get; private set; } = [];
    public DateTime NowLocal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? visitId, int? courseId, string? instrument)
    {
        var clock = await clinicTime.ClockAsync();
        Input.Instrument = Instruments.Parse(instrument) ?? Instrument.Phq9;
        Input.TakenAt = Minute(clock.NowLocal);
        if (visitId is { } vid)
        {
            var visit = await db.Visits.Where(v => v.Id == vid).Select(v => new { v.PatientId, v.TreatmentCourseId, v.StartedAt }).SingleOrDefaultAsync();
            if (visit is null || (PatientId is { } p && p != visit.PatientId)) return NotFound();
            PatientId = visit.PatientId;
            Input.VisitId = vid;
            Input.CourseId = visit.TreatmentCourseId;
            // Scores are filled in on arrival, before dosing: default to the visit's start so a baseline counts as one.
            if (visit.StartedAt <= clinicTime.UtcNow) Input.TakenAt = Minute(clock.ToLocal(visit.StartedAt));
        }
        if (PatientId is null || !await LoadAsync()) return NotFound();
        if (courseId is { } cid && Courses.Any(c => c.Id == cid)) Input.CourseId = cid;
        // Without a visit, the patient's current course is the likely one.
        Input.CourseId ??= Courses.FirstOrDefault()?.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (PatientId is null || !await LoadAsync()) return NotFound();
        var clock = await clinicTime.ClockAsync();
        if (!Enum.IsDefined(Input.Instrument)) return BadRequest();

        var (count, max) = Scoring.Shape(Input.Instrument);
        // Only this instrument's items count; anything else posted (a total, extra items) is ignored.
        var answers = Enumerable.Range(0, count).Select(k => Input.Items.GetValueOrDefault(k)).ToList();
        for (var k = 0; k < count; k++)
            if (answers[k] is null && !HasError($"Input.Items[{k}]"))
                ModelState.AddModelError($"Input.Items[{k}]", $"Answer item {k + 1}.");
        if (answers.Any(a => a is null))
            ModelState.AddModelError("", $"Every item must be answered: {string.Join(", ", answers.Select((a, k) => (a, k)).Where(x => x.a is null).Select(x => x.k + 1))} missing.");

        DateTime? takenUtc = null;
        if (Input.TakenAt is { } local)
        {
            if (clock.Zone.IsInvalidTime(local)) ModelState.AddModelError("Input.TakenAt", "That time does not exist in the clinic's time zone (clocks went forward).");
            else
            {
                takenUtc = clock.ToUtc(local);
                if (Assessment.TakenAtProblem(takenUtc.Value, clinicTime.UtcNow) is { } problem) ModelState.AddModelError("Input." + problem.Field, problem.Message);
                else if (DateOnly.FromDateTime(local) < Patient.DateOfBirth) ModelState.AddModelError("Input.TakenAt", "The time taken is before the patient's date of birth.");
            }
        }

        if (Input.VisitId is { } visitId)
        {
            var visit = Visits.FirstOrDefault(v => v.Id == visitId);
            if (visit is null) ModelState.AddModelError("Input.VisitId", "Choose one of this patient's visits.");
            else if (Input.CourseId is null) Input.CourseId = visit.CourseId;
            else if (visit.CourseId is { } vc && vc != Input.CourseId) ModelState.AddModelError("Input.CourseId", "That visit belongs to another course.");
        }
        if (Input.CourseId is { } courseId && Courses.All(c => c.Id != courseId))
            ModelState.AddModelError("Input.CourseId", "Choose one of this patient's courses.");

        Assessment? assessment = null;
        if (answers.All(a => a is not null) && takenUtc is not null)
        {
            try { assessment = Assessment.Record(Patient.Id, Input.CourseId, Input.VisitId, Input.Instrument, takenUtc.Value, answers.Select(a => a!.Value).ToList()); }
            catch (DomainException ex)
            {
                ModelState.AddModelError("Input." + ex.Field, ex.Message);
                ModelState.AddModelError("", $"{Scoring.Name(Input.Instrument)}: {ex.Message} Items are scored 0 to {max}.");
            }
        }
        if (!ModelState.IsValid || assessment is null) return Page();

        // A double-clicked submit posts the same answers for the same moment twice: keep one.
        var duplicate = await db.Assessments.Where(a => a.PatientId == Patient.Id && a.Instrument == assessment.Instrument && a.TakenAt == assessment.TakenAt && a.Items == assessment.Items)
            .Select(a => (int?)a.Id).FirstOrDefaultAsync();
        if (duplicate is null)
        {
            db.Assessments.Add(assessment);
            await db.SaveChangesAsync();
            log.LogInformation("Assessment {AssessmentId} recorded for patient {PatientId}", assessment.Id, Patient.Id);
        }

        var flash = $"{Scoring.Name(assessment.Instrument)} recorded: {assessment.TotalScore} ({assessment.Band}).";
        if (duplicate is not null) flash = $"This {Scoring.Name(assessment.Instrument)} was already recorded.";
        if (Scoring.NeedsSafetyFollowUp(assessment.Instrument, assessment.ItemScores))
            flash += " Item 9 (thoughts of death or self-harm) is above 0: follow the clinic's suicide-risk protocol.";
        TempData["Flash"] = flash;
        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl)) return LocalRedirect(ReturnUrl);
        return RedirectToPage("/Assessments/Index", new { patientId = Patient.Id });
    }

    private bool HasError(string key) => ModelState.TryGetValue(key, out var e) && e.Errors.Count > 0;

    private static DateTime Minute(DateTime t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0);

    private async Task<bool> LoadAsync()
    {
        var clock = await clinicTime.ClockAsync();
        NowLocal = Minute(clock.NowLocal);
        var p = await db.Patients.Where(x => x.Id == PatientId).Select(x => new PatientHeader(x.Id, x.FirstName + " " + x.LastName, x.Mrn, x.DateOfBirth)).SingleOrDefaultAsync();
        if (p is null) return false;
        Patient = p;
        Access = PatientAccess.View(p.Id);
        var courses = await db.Courses.Where(c => c.PatientId == p.Id).OrderByDescending(c => c.StartDate).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Indication, c.StartDate, c.Status }).ToListAsync();
        Courses = courses.Select(c => new Choice(c.Id, $"{Vocabulary.Label(c.Indication)} · from {RecordText.Date(c.StartDate)} · {Vocabulary.Label(c.Status)}", c.Id)).ToList();
        var visits = await db.Visits.Where(v => v.PatientId == p.Id).OrderByDescending(v => v.StartedAt).Take(60)
            .Select(v => new { v.Id, v.StartedAt, v.SessionNumber, v.TreatmentCourseId }).ToListAsync();
        Visits = visits.Select(v => new Choice(v.Id, $"{RecordText.DateTime(clock.ToLocal(v.StartedAt))}" + (v.SessionNumber is { } s ? $" · session {s}" : ""), v.TreatmentCourseId)).ToList();
        // A visit chosen in the URL but older than the list still shows.
        if (Input.VisitId is { } vid && Visits.All(v => v.Id != vid)
            && await db.Visits.Where(v => v.Id == vid && v.PatientId == p.Id).Select(v => new { v.StartedAt, v.SessionNumber, v.TreatmentCourseId }).SingleOrDefaultAsync() is { } old)
            Visits = [.. Visits, new Choice(vid, $"{RecordText.DateTime(clock.ToLocal(old.StartedAt))}" + (old.SessionNumber is { } s ? $" · session {s}" : ""), old.TreatmentCourseId)];
        return true;
    }
}
