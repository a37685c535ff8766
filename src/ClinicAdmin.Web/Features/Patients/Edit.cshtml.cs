using System.ComponentModel.DataAnnotations;
using ClinicAdmin.Data;
using ClinicAdmin.Data.Configurations;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Patients;

/// <summary>Register a patient or edit demographics, insurance, weight, screening and diagnoses. Front desk and clinicians.</summary>
[Authorize(Policy = Policies.ManagePatients)]
public class EditModel(ClinicDbContext db, ClinicTime clinicTime, ILogger<EditModel> log) : PageModel, IPatientDataPage
{
    public PatientAccess? Access { get; private set; }
    public const int BlankDiagnosisRows = 2;

    [BindProperty] public PatientInput Input { get; set; } = new();
    public int? Id { get; private set; }
    public string? Mrn { get; private set; }

    public sealed class PatientInput
    {
        [Display(Name = "First name"), Required(ErrorMessage = "Enter the first name."), StringLength(FieldLengths.Name, ErrorMessage = Long)]
        public string? FirstName { get; set; }
        [Display(Name = "Last name"), Required(ErrorMessage = "Enter the last name."), StringLength(FieldLengths.Name, ErrorMessage = Long)]
        public string? LastName { get; set; }
        [Display(Name = "Date of birth"), Required(ErrorMessage = "Enter the date of birth.")]
        public DateOnly? DateOfBirth { get; set; }
        [Display(Name = "Sex"), StringLength(FieldLengths.Short, ErrorMessage = Long)]
        public string? Sex { get; set; }
        [Display(Name = "Email"), EmailAddress(ErrorMessage = "Enter a valid email address."), StringLength(FieldLengths.Line, ErrorMessage = Long)]
        public string? Email { get; set; }
        [Display(Name = "Phone"), Phone(ErrorMessage = "Enter a valid phone number."), StringLength(FieldLengths.Short, ErrorMessage = Long)]
        public string? Phone { get; set; }
        [Display(Name = "Street address"), StringLength(FieldLengths.Line, ErrorMessage = Long)]
        public string? Line1 { get; set; }
        [Display(Name = "Apartment, suite"), StringLength(FieldLengths.Line, ErrorMessage = Long)]
        public string? Line2 { get; set; }
        [Display(Name = "City"), StringLength(FieldLengths.Name, ErrorMessage = Long)]
        public string? City { get; set; }
        [Display(Name = "State"), StringLength(2, ErrorMessage = "Use a two-letter US state code, e.g. WI.")]
        public string? State { get; set; }
        [Display(Name = "ZIP code"), RegularExpression("^[0-9]{5}(-[0-9]{4})?$", ErrorMessage = "A ZIP code is 5 digits, or 5+4 (53703-1234).")]
        public string? PostalCode { get; set; }
        [Display(Name = "Insurance payer"), StringLength(FieldLengths.Line, ErrorMessage = Long)]
        public string? InsurancePayer { get; set; }
        [Display(Name = "Member ID"), StringLength(FieldLengths.Short, ErrorMessage = Long)]
        public string? InsuranceMemberId { get; set; }
        [Display(Name = "Weight (kg)")]
        public decimal? WeightKg { get; set; }

        [Display(Name = "Uncontrolled hypertension")] public bool HasUncontrolledHypertension { get; set; }
        [Display(Name = "History of psychosis")] public bool HasPsychosisHistory { get; set; }
        [Display(Name = "Pregnancy")] public bool IsPregnant { get; set; }
        [Display(Name = "Severe liver disease")] public bool HasSevereLiverDisease { get; set; }
        [Display(Name = "Substance misuse")] public bool HasSubstanceMisuse { get; set; }

        public List<DiagnosisInput> Diagnoses { get; set; } = [];
        /// <summary>Row index of the primary diagnosis (radio button).</summary>
        public int? PrimaryDiagnosis { get; set; }

        public Guid ConcurrencyStamp { get; set; }
        /// <summary>The saved values when the form was opened, so a conflict can name what someone else changed.</summary>
        public string? Loaded { get; set; }

        internal const string Long = "{0} can be at most {1} characters.";
    }

    public sealed class DiagnosisInput
    {
        [Display(Name = "ICD-10-CM code"), StringLength(FieldLengths.Code, ErrorMessage = PatientInput.Long)]
        public string? Code { get; set; }
        [Display(Name = "Description"), StringLength(FieldLengths.Line, ErrorMessage = PatientInput.Long)]
        public string? Description { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (id is { } existing)
        {
            var p = await db.Patients.AsNoTracking().Include(x => x.Diagnoses).SingleOrDefaultAsync(x => x.Id == existing);
            if (p is null) return NotFound();
            Id = existing; Mrn = p.Mrn; Access = PatientAccess.View(existing);
            var dx = Ordered(p.Diagnoses);
            Input = new PatientInput
            {
                FirstName = p.FirstName, LastName = p.LastName, DateOfBirth = p.DateOfBirth, Sex = p.Sex, Email = p.Email, Phone = p.Phone,
                Line1 = p.Address.Line1, Line2 = p.Address.Line2, City = p.Address.City, State = p.Address.State, PostalCode = p.Address.PostalCode,
                InsurancePayer = p.InsurancePayer, InsuranceMemberId = p.InsuranceMemberId, WeightKg = p.WeightKg,
                HasUncontrolledHypertension = p.HasUncontrolledHypertension, HasPsychosisHistory = p.HasPsychosisHistory, IsPregnant = p.IsPregnant,
                HasSevereLiverDisease = p.HasSevereLiverDisease, HasSubstanceMisuse = p.HasSubstanceMisuse,
                Diagnoses = dx.Select(d => new DiagnosisInput { Code = d.Code, Description = d.Description }).ToList(),
                PrimaryDiagnosis = dx.FindIndex(d => d.IsPrimary) is >= 0 and var i ? i : null,
                ConcurrencyStamp = p.ConcurrencyStamp, Loaded = EditConflict.Snapshot(Values(p)),
            };
        }
        PadDiagnosisRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        Id = id;
        var clock = await clinicTime.ClockAsync();
        Patient patient;
        Dictionary<string, string?>? savedNow = null;
        if (id is { } existing)
        {
            var found = await db.Patients.Include(x => x.Diagnoses).SingleOrDefaultAsync(x => x.Id == existing);
            if (found is null) return NotFound();
            patient = found; Mrn = found.Mrn;
            savedNow = Values(patient);
        }
        else patient = new Patient();

        var diagnoses = DiagnosisRows.Read(Input.Diagnoses, Input.PrimaryDiagnosis, ModelState);
        // Domain rules run even when a field failed to bind, so every problem is shown at once.
        Apply(patient);
        foreach (var broken in PatientRules.Violations(patient, clock.Today))
            ModelState.AddErrorOnce("Input." + broken.Field, broken.Message);
        if (!ModelState.IsValid) return Page();

        if (savedNow is not null)
        {
            var stale = patient.ConcurrencyStamp != Input.ConcurrencyStamp;
            if (stale && EditConflict.Overtaken(Input.Loaded, savedNow))
            {
                Conflict(savedNow, patient.ConcurrencyStamp);
                return Page();
            }
            if (!stale) db.Entry(patient).Property(x => x.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        }
        DiagnosisRows.Set(patient, diagnoses);

        if (id is null)
        {
            db.Patients.Add(patient);
            await db.SaveWithNextMrnAsync(patient);
        }
        else
        {
            // Touch the stamp so a diagnosis-only change still conflicts with a concurrent edit.
            db.Entry(patient).Property(x => x.ConcurrencyStamp).IsModified = true;
            try { await db.SaveChangesAsync(); }
            catch (DbUpdateConcurrencyException ex)
            {
                var current = await ex.Entries.First(e => e.Entity is Patient).GetDatabaseValuesAsync();
                if (current is null) { ModelState.AddModelError("", EditConflict.Deleted("this patient")); return Page(); }
                db.ChangeTracker.Clear();
                var theirs = await db.Patients.AsNoTracking().Include(x => x.Diagnoses).SingleAsync(x => x.Id == patient.Id);
                Conflict(Values(theirs), theirs.ConcurrencyStamp);
                return Page();
            }
        }

        log.LogInformation("Patient {PatientId} {Action}", patient.Id, id is null ? "registered" : "updated");
        TempData["Flash"] = id is null ? $"Registered {patient.FirstName} {patient.LastName} as {patient.Mrn}." : $"Saved {patient.FirstName} {patient.LastName}.";
        return RedirectToPage("/Patients/Details", new { id = patient.Id });
    }

    private void Apply(Patient p)
    {
        p.FirstName = Input.FirstName?.Trim() ?? "";
        p.LastName = Input.LastName?.Trim() ?? "";
        if (Input.DateOfBirth is { } dob) p.DateOfBirth = dob;
        p.Sex = Blank(Input.Sex);
        p.Email = Blank(Input.Email);
        p.Phone = Blank(Input.Phone);
        p.Address = new Address
        {
            Line1 = Input.Line1?.Trim() ?? "", Line2 = Blank(Input.Line2), City = Input.City?.Trim() ?? "",
            State = Input.State?.Trim().ToUpperInvariant() ?? "", PostalCode = Input.PostalCode?.Trim() ?? "",
        };
        p.InsurancePayer = Blank(Input.InsurancePayer);
        p.InsuranceMemberId = Blank(Input.InsuranceMemberId);
        p.WeightKg = Input.WeightKg;
        p.HasUncontrolledHypertension = Input.HasUncontrolledHypertension;
        p.HasPsychosisHistory = Input.HasPsychosisHistory;
        p.IsPregnant = Input.IsPregnant;
        p.HasSevereLiverDisease = Input.HasSevereLiverDisease;
        p.HasSubstanceMisuse = Input.HasSubstanceMisuse;
    }

    private static string? Blank(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();


    private static List<PatientDiagnosis> Ordered(IEnumerable<PatientDiagnosis> dx) =>
        dx.OrderByDescending(d => d.IsPrimary).ThenBy(d => d.Id).ToList();

    /// <summary>The fields this form shows, as display text, keyed by input name.</summary>
    private static Dictionary<string, string?> Values(Patient p) => new()
    {
        [nameof(PatientInput.FirstName)] = p.FirstName, [nameof(PatientInput.LastName)] = p.LastName,
        [nameof(PatientInput.DateOfBirth)] = RecordText.Date(p.DateOfBirth), [nameof(PatientInput.Sex)] = p.Sex,
        [nameof(PatientInput.Email)] = p.Email, [nameof(PatientInput.Phone)] = p.Phone,
        [nameof(PatientInput.Line1)] = p.Address.Line1, [nameof(PatientInput.Line2)] = p.Address.Line2, [nameof(PatientInput.City)] = p.Address.City,
        [nameof(PatientInput.State)] = p.Address.State, [nameof(PatientInput.PostalCode)] = p.Address.PostalCode,
        [nameof(PatientInput.InsurancePayer)] = p.InsurancePayer, [nameof(PatientInput.InsuranceMemberId)] = p.InsuranceMemberId,
        [nameof(PatientInput.WeightKg)] = RecordText.Number(p.WeightKg, "0.0"),
        [nameof(PatientInput.HasUncontrolledHypertension)] = YesNo(p.HasUncontrolledHypertension),
        [nameof(PatientInput.HasPsychosisHistory)] = YesNo(p.HasPsychosisHistory), [nameof(PatientInput.IsPregnant)] = YesNo(p.IsPregnant),
        [nameof(PatientInput.HasSevereLiverDisease)] = YesNo(p.HasSevereLiverDisease), [nameof(PatientInput.HasSubstanceMisuse)] = YesNo(p.HasSubstanceMisuse),
        [nameof(PatientInput.Diagnoses)] = string.Join(", ", Ordered(p.Diagnoses).Select(d => d.IsPrimary ? d.Code + " (primary)" : d.Code)),
    };

    private static string YesNo(bool b) => b ? "yes" : "no";


    /// <summary>Refuses the save through the kit, naming what another user changed, and arms a deliberate re-save.</summary>
    private void Conflict(Dictionary<string, string?> savedNow, Guid currentStamp)
    {
        var scratch = new Patient();
        Apply(scratch);
        DiagnosisRows.Set(scratch, DiagnosisRows.ReadQuietly(Input.Diagnoses, Input.PrimaryDiagnosis));
        Input.Loaded = EditConflict.Refuse(ModelState, "this patient", Input, Input.Loaded, savedNow, Values(scratch));
        Input.ConcurrencyStamp = currentStamp;
    }

    public void PadDiagnosisRows()
    {
        var filled = Input.Diagnoses.Count(d => !string.IsNullOrWhiteSpace(d.Code) || !string.IsNullOrWhiteSpace(d.Description));
        while (Input.Diagnoses.Count < Math.Max(filled + BlankDiagnosisRows, 3)) Input.Diagnoses.Add(new DiagnosisInput());
    }
}
