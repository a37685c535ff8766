using System.ComponentModel.DataAnnotations;
using ClinicAdmin.Data;
using ClinicAdmin.Data.Configurations;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Courses;

/// <summary>Start or edit a treatment course (series): indication, lettered diagnoses, planned sessions, dates, status. Clinicians.</summary>
[Authorize(Policy = Policies.RecordClinical)]
public class EditModel(ClinicDbContext db, ClinicTime clinicTime, ILogger<EditModel> log) : PageModel, IPatientDataPage
{
    [BindProperty] public CourseInput Input { get; set; } = new();
    public int? Id { get; private set; }
    public int PatientId { get; private set; }
    public PatientAccess? Access { get; private set; }
    public string PatientName { get; private set; } = "";
    public string Mrn { get; private set; } = "";
    /// <summary>The patient's diagnoses in their list order (primary first): the checked ones are lettered A, B, … in this order.</summary>
    public IReadOnlyList<(string Code, string Description)> PatientDiagnoses { get; private set; } = [];
    /// <summary>Who may be the provider of record: rendering providers with an NPI (id, "Name, Credentials").</summary>
    public IReadOnlyList<(int Id, string Name)> Supervisors { get; private set; } = [];

    public sealed class CourseInput
    {
        [Display(Name = "Indication"), Required(ErrorMessage = "Choose the indication.")]
        public Indication? Indication { get; set; }
        public List<string> DiagnosisCodes { get; set; } = [];
        [Display(Name = "Planned sessions"), Required(ErrorMessage = "Enter the number of planned sessions.")]
        public int? PlannedSessions { get; set; } = CourseRules.DefaultPlannedSessions;
        [Display(Name = "Start date"), Required(ErrorMessage = "Enter the start date.")]
        public DateOnly? StartDate { get; set; }
        [Display(Name = "End date")]
        public DateOnly? EndDate { get; set; }
        [Display(Name = "Status")]
        public CourseStatus Status { get; set; } = CourseStatus.Planned;
        [Display(Name = "Notes"), StringLength(FieldLengths.Text, ErrorMessage = "{0} can be at most {1} characters.")]
        public string? Notes { get; set; }
        [Display(Name = "Supervising provider (provider of record)")]
        public int? SupervisingProviderId { get; set; }
        public Guid ConcurrencyStamp { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, int? patientId)
    {
        if (id is { } existing)
        {
            var c = await db.Courses.AsNoTracking().Include(x => x.Diagnoses).SingleOrDefaultAsync(x => x.Id == existing);
            if (c is null) return NotFound();
            Id = existing;
            Input = new CourseInput
            {
                Indication = c.Indication, PlannedSessions = c.PlannedSessions, StartDate = c.StartDate, EndDate = c.EndDate, Status = c.Status,
                Notes = c.Notes, SupervisingProviderId = c.SupervisingProviderId, ConcurrencyStamp = c.ConcurrencyStamp, DiagnosisCodes = c.Diagnoses.OrderBy(d => d.Position).Select(d => d.Code).ToList(),
            };
            patientId = c.PatientId;
            if (!await LoadPatientAsync(c.PatientId, c.Diagnoses)) return NotFound();
            await KeepSupervisorAsync(c.SupervisingProviderId);
        }
        else if (patientId is null || !await LoadPatientAsync(patientId.Value, [])) return NotFound();
        if (id is null)
        {
            Input.StartDate = (await clinicTime.ClockAsync()).Today;
            Input.DiagnosisCodes = PatientDiagnoses.Take(1).Select(d => d.Code).ToList();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, int? patientId)
    {
        TreatmentCourse course;
        if (id is { } existing)
        {
            var found = await db.Courses.Include(x => x.Diagnoses).SingleOrDefaultAsync(x => x.Id == existing);
            if (found is null) return NotFound();
            course = found; Id = existing; patientId = found.PatientId;
        }
        else course = new TreatmentCourse();
        if (patientId is null || !await LoadPatientAsync(patientId.Value, course.Diagnoses)) return NotFound();
        await KeepSupervisorAsync(course.SupervisingProviderId);
        course.PatientId = patientId.Value;

        // Checked codes, lettered in the order of the patient's list (not the order the boxes were ticked).
        var chosen = PatientDiagnoses.Where(d => Input.DiagnosisCodes.Contains(d.Code)).ToList();
        if (Input.DiagnosisCodes.Any(c => !PatientDiagnoses.Any(d => d.Code == c)))
            ModelState.AddErrorOnce("Input.DiagnosisCodes", "Choose among the patient's diagnoses (add new ones on the patient's page first).");

        if (Input.Indication is { } ind) course.Indication = ind;
        if (Input.PlannedSessions is { } planned) course.PlannedSessions = planned;
        if (Input.StartDate is { } start) course.StartDate = start;
        course.Status = Input.Status;
        course.EndDate = Input.EndDate;
        // Completing or stopping a course without an end date ends it today.
        if (course.Status is CourseStatus.Completed or CourseStatus.Stopped && course.EndDate is null)
            course.EndDate = (await clinicTime.ClockAsync()).Today;
        course.Notes = string.IsNullOrWhiteSpace(Input.Notes) ? null : Input.Notes.Trim();
        if (Input.SupervisingProviderId != course.SupervisingProviderId && Input.SupervisingProviderId is { } sup && !Supervisors.Any(s => s.Id == sup))
            ModelState.AddModelError("Input.SupervisingProviderId", await SupervisorRefusalAsync(sup));
        course.SupervisingProviderId = Input.SupervisingProviderId;
        if (!Enum.IsDefined(Input.Status)) ModelState.AddModelError("Input.Status", "Choose a status.");

        Try(() => CourseRules.CheckPlannedSessions(course.PlannedSessions), Input.PlannedSessions is not null);
        Try(() => CourseRules.CheckDates(course), Input.StartDate is not null);
        if (PatientDiagnoses.Count == 0)
            ModelState.AddErrorOnce("Input.DiagnosisCodes", "This patient has no diagnoses yet: add them on the patient's page first.");
        Try(() => CourseRules.SetDiagnoses(course, chosen), true);
        if (!ModelState.IsValid) return Page();

        if (id is null) db.Courses.Add(course);
        else db.Entry(course).Property(x => x.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        // A diagnoses-only change still takes the stamp, so a concurrent edit is noticed.
        if (id is not null) db.Entry(course).Property(x => x.ConcurrencyStamp).IsModified = true;
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateConcurrencyException)
        {
            var typed = Values(course);
            db.ChangeTracker.Clear();
            var now = await db.Courses.AsNoTracking().Include(x => x.Diagnoses).SingleOrDefaultAsync(x => x.Id == course.Id);
            if (now is null) { ModelState.AddModelError("", EditConflict.Deleted("this course")); return Page(); }
            EditConflict.Refuse(ModelState, "this course", f => f == nameof(CourseInput.DiagnosisCodes) ? "Diagnoses" : EditConflict.Label(typeof(CourseInput), f),
                null, Values(now), typed, hasInput: f => f != nameof(CourseInput.DiagnosisCodes));
            Input.ConcurrencyStamp = now.ConcurrencyStamp;
            return Page();
        }
        log.LogInformation("Course {CourseId} of patient {PatientId} {Action}", course.Id, course.PatientId, id is null ? "started" : "updated");
        TempData["Flash"] = id is null ? "Course created." : "Course saved.";
        return RedirectToPage("/Courses/Details", new { id = course.Id });
    }

    private void Try(Action rule, bool when)
    {
        if (when) ModelState.TryRule(rule, mapField: f => f == "Diagnoses" ? nameof(CourseInput.DiagnosisCodes) : f);
    }


    /// <summary>The fields this form shows, as display text, keyed by input name.</summary>
    private static Dictionary<string, string?> Values(TreatmentCourse c) => new()
    {
        [nameof(CourseInput.Indication)] = Vocabulary.Label(c.Indication), [nameof(CourseInput.PlannedSessions)] = c.PlannedSessions.ToString(),
        [nameof(CourseInput.StartDate)] = RecordText.Date(c.StartDate), [nameof(CourseInput.EndDate)] = RecordText.Date(c.EndDate),
        [nameof(CourseInput.Status)] = Vocabulary.Label(c.Status), [nameof(CourseInput.Notes)] = c.Notes,
        [nameof(CourseInput.SupervisingProviderId)] = c.SupervisingProviderId?.ToString(),
        [nameof(CourseInput.DiagnosisCodes)] = string.Join(", ", c.Diagnoses.OrderBy(d => d.Position).Select(d => d.Code)),
    };

    /// <summary>The course's current supervising provider stays in the list even if they could no longer be chosen,
    /// so saving another field never drops them silently.</summary>
    private async Task KeepSupervisorAsync(int? current)
    {
        if (current is not { } id || Supervisors.Any(s => s.Id == id)) return;
        var name = await db.Staff.AsNoTracking().Where(s => s.Id == id).Select(StaffMember.DisplayNameQuery).SingleOrDefaultAsync();
        if (name is not null) Supervisors = [.. Supervisors, (id, name + " (can no longer sign)")];
    }

    private async Task<string> SupervisorRefusalAsync(int staffId)
    {
        var s = await db.Staff.AsNoTracking().Where(x => x.Id == staffId).Select(x => new { Name = x.FirstName + " " + x.LastName, x.IsRenderingProvider, x.Npi }).SingleOrDefaultAsync();
        return (s is null ? null : StaffMember.SigningRefusal(s.Name, s.IsRenderingProvider, s.Npi)) ?? "Choose a rendering provider with an NPI.";
    }

    /// <param name="kept">The course's current diagnoses: one the patient's list no longer has stays choosable.</param>
    private async Task<bool> LoadPatientAsync(int patientId, IEnumerable<CourseDiagnosis> kept)
    {
        var p = await db.Patients.AsNoTracking().Where(x => x.Id == patientId).Select(x => new { x.FirstName, x.LastName, x.Mrn }).SingleOrDefaultAsync();
        if (p is null) return false;
        PatientId = patientId; PatientName = $"{p.FirstName} {p.LastName}"; Mrn = p.Mrn;
        Access = PatientAccess.View(patientId);
        PatientDiagnoses = (await db.PatientDiagnoses.AsNoTracking().Where(d => d.PatientId == patientId)
            .OrderByDescending(d => d.IsPrimary).ThenBy(d => d.Id).Select(d => new { d.Code, d.Description }).ToListAsync())
            .Select(d => (d.Code, d.Description)).ToList();
        var supervisors = await db.Staff.AsNoTracking().Where(StaffMember.MaySignQuery)
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName).Select(s => new { s.Id, s.FirstName, s.LastName, s.Credentials, s.Npi }).ToListAsync();
        Supervisors = supervisors.Where(s => StaffMember.SigningRefusal(s.LastName, true, s.Npi) is null)
            .Select(s => (s.Id, StaffMember.NameWithCredentials(s.FirstName, s.LastName, s.Credentials))).ToList();
        PatientDiagnoses = PatientDiagnoses.Concat(kept.OrderBy(d => d.Position).Where(k => !PatientDiagnoses.Any(d => d.Code == k.Code)).Select(k => (k.Code, k.Description)).ToList()).ToList();
        return true;
    }
}
