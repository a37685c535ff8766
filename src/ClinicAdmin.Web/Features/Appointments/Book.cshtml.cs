using System.ComponentModel.DataAnnotations;
using ClinicAdmin.Data;
using ClinicAdmin.Data.Configurations;
using ClinicAdmin.Data.Scheduling;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Scheduling;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Features.Appointments;

/// <summary>
/// Books one appointment. The checks and the database's no-overlap rule live in <see cref="AppointmentBook"/>; this page
/// turns the clinic-local date and time into UTC (refusing a time the clocks skip) and shows every problem at once.
/// Opened from the day view (location, chair, time), the patient's page (patient) or the menu (nothing).
/// </summary>
[Authorize(Policy = Policies.ManagePatients)]
public class BookModel(ClinicDbContext db, ClinicTime clinicTime, AppointmentBook book, ILogger<BookModel> log) : PageModel, IPatientDataPage
{
    [BindProperty] public BookingInput Input { get; set; } = new();
    public PatientAccess? Access { get; private set; }
    public string? PatientName { get; private set; }
    public IReadOnlyList<(int Id, string Name, string Category, int Minutes)> Services { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Providers { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Locations { get; private set; } = [];
    /// <summary>Active chairs and rooms, by location name (two sites may both have a "Chair 1").</summary>
    public IReadOnlyList<(int Id, string Name, string Location)> Resources { get; private set; } = [];

    public sealed class BookingInput
    {
        [Required(ErrorMessage = "Enter the patient's MRN."), StringLength(FieldLengths.Code), Display(Name = "Patient MRN")]
        public string? Mrn { get; set; }
        [Required(ErrorMessage = "Choose the service."), Display(Name = "Service")]
        public int? ServiceId { get; set; }
        [Required(ErrorMessage = "Choose the provider."), Display(Name = "Provider")]
        public int? ProviderId { get; set; }
        [Required(ErrorMessage = "Choose the location."), Display(Name = "Location")]
        public int? LocationId { get; set; }
        [Display(Name = "Chair or room")]
        public int? ResourceId { get; set; }
        [Required(ErrorMessage = "Enter the date."), DataType(DataType.Date), Display(Name = "Date")]
        public DateOnly? Date { get; set; }
        [Required(ErrorMessage = "Enter the start time."), DataType(DataType.Time), Display(Name = "Start time")]
        public TimeOnly? Time { get; set; }
        [StringLength(FieldLengths.Line), Display(Name = "Note for the day sheet (optional)")]
        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? patientId, int? locationId, int? resourceId, DateOnly? date, TimeOnly? time)
    {
        var clock = await clinicTime.ClockAsync();
        if (patientId is { } pid)
        {
            var p = await db.Patients.AsNoTracking().Where(x => x.Id == pid).Select(x => new { x.Mrn, x.FirstName, x.LastName }).SingleOrDefaultAsync();
            if (p is null) return NotFound();
            (Input.Mrn, PatientName, Access) = (p.Mrn, $"{p.FirstName} {p.LastName}", PatientAccess.View(pid));
        }
        Input.LocationId = locationId;
        Input.ResourceId = resourceId;
        Input.Date = date ?? clock.Today;
        Input.Time = time;
        // The signed-in clinician usually books for themself.
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        Input.ProviderId = await db.Staff.Where(s => s.UserId == userId && userId != null && s.IsRenderingProvider).Select(s => (int?)s.Id).FirstOrDefaultAsync();
        if (resourceId is { } rid && await db.Resources.AsNoTracking().SingleOrDefaultAsync(r => r.Id == rid) is { } r) Input.LocationId = r.LocationId;
        await LoadChoicesAsync(clock);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var clock = await clinicTime.ClockAsync();
        await LoadChoicesAsync(clock);
        var patient = string.IsNullOrWhiteSpace(Input.Mrn) ? null
            : await db.Patients.AsNoTracking().Where(p => p.Mrn == Input.Mrn.Trim().ToUpper()).Select(p => new { p.Id, p.FirstName, p.LastName }).SingleOrDefaultAsync();
        if (patient is null && !string.IsNullOrWhiteSpace(Input.Mrn)) ModelState.AddModelError("Input.Mrn", "No patient has this MRN; check it on the patient's page.");
        if (patient is not null) (PatientName, Access) = ($"{patient.FirstName} {patient.LastName}", PatientAccess.View(patient.Id));
        DateTime? startUtc = null;
        if (Input.Date is { } d && Input.Time is { } t)
        {
            var local = d.ToDateTime(t);
            if (!clock.Exists(local)) ModelState.AddModelError("Input.Time", ClinicClock.SkippedTimeMessage);
            else if (d.Year is < 2000 or > 2100) ModelState.AddModelError("Input.Date", "Enter a real date.");
            else startUtc = clock.ToUtc(local);
        }
        if (!ModelState.IsValid || patient is null || startUtc is null) return Page();

        var result = await book.BookAsync(new BookingRequest(patient.Id, Input.ServiceId!.Value, Input.ProviderId!.Value, Input.LocationId!.Value, Input.ResourceId, startUtc.Value, Input.Note));
        if (!result.Booked)
        {
            foreach (var (field, message) in result.Problems)
                ModelState.AddModelError(field switch { "Start" => "Input.Time", "PatientId" => "Input.Mrn", _ => "Input." + field }, message);
            return Page();
        }
        var a = result.Appointment!;
        log.LogInformation("Appointment {AppointmentId} booked", a.Id);
        TempData["Flash"] = $"Booked {PatientName} on {RecordText.DateTime(clock.ToLocal(a.StartUtc))}.";
        return RedirectToPage("Day", new { locationId = a.LocationId, date = RecordText.IsoDate(clock.DateOf(a.StartUtc)) });
    }

    private async Task LoadChoicesAsync(ClinicClock clock)
    {
        var services = await db.Services.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Category).ThenBy(s => s.Name).ToListAsync();
        Services = services.Where(s => AppointmentRules.IsBookable(s.Category))
            .Select(s => (s.Id, s.Name, s.Category.ToString(), (int)AppointmentRules.Length(s).TotalMinutes)).ToList();
        var staff = await db.Staff.AsNoTracking().Where(s => s.IsRenderingProvider).OrderBy(s => s.LastName).ThenBy(s => s.FirstName).ToListAsync();
        Providers = staff.Where(s => s.IsActiveOn(clock.Today) || s.Id == Input.ProviderId).Select(s => (s.Id, s.DisplayName)).ToList();
        Locations = await db.Locations.AsNoTracking().Where(l => l.IsActive).OrderBy(l => l.Code).Select(l => new { l.Id, l.Name }).ToListAsync()
            .ContinueWith(t => (IReadOnlyList<(int, string)>)t.Result.Select(l => (l.Id, l.Name)).ToList());
        if (Input.LocationId is null && Locations.Count == 1) Input.LocationId = Locations[0].Id;
        var resources = await db.Resources.AsNoTracking().Where(r => r.IsActive && (Input.LocationId == null || r.LocationId == Input.LocationId))
            .OrderBy(r => r.LocationId).ThenBy(r => r.Name).ToListAsync();
        Resources = resources.Select(r => (r.Id, r.Name, Locations.FirstOrDefault(l => l.Id == r.LocationId).Name ?? "")).ToList();
    }
}
