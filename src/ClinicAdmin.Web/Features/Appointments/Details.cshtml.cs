using ClinicAdmin.Data;
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
/// One appointment and the moves its state allows (the rules are <see cref="Appointment"/>'s). Checking in as a
/// clinician opens the visit form prefilled from the appointment; the visit links back when saved. Every move is
/// audited by the interceptor; the stamp stops two people moving the same appointment at once.
/// </summary>
[Authorize(Policy = Policies.ManagePatients)]
public class DetailsModel(ClinicDbContext db, ClinicTime clinicTime, TimeProvider time, ILogger<DetailsModel> log) : PageModel, IPatientDataPage
{
    public PatientAccess? Access { get; private set; }
    public Appointment Appointment { get; private set; } = null!;
    public string Patient { get; private set; } = "";
    public string Mrn { get; private set; } = "";
    public string Service { get; private set; } = "";
    public string Provider { get; private set; } = "";
    public string Location { get; private set; } = "";
    public string? Resource { get; private set; }
    public DateTime Start { get; private set; }
    public DateTime End { get; private set; }
    public DateTime? CancelledAt { get; private set; }
    /// <summary>No-show is offered once the start has passed; check-in from <see cref="Appointment.CheckInWindow"/> before it.</summary>
    public bool HasStarted => time.GetUtcNow().UtcDateTime >= Appointment.StartUtc;
    public bool IsCheckInOpen => time.GetUtcNow().UtcDateTime >= Appointment.StartUtc - Appointment.CheckInWindow;
    public bool MayRecordVisit => WorkQueue.May(User, Policies.RecordClinical);
    [BindProperty] public Guid ConcurrencyStamp { get; set; }
    [BindProperty] public string? CancelReason { get; set; }

    public async Task<IActionResult> OnGetAsync(int? id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostCheckInAsync(int id) => MoveAsync(id, (a, now, _) => a.CheckIn(now), "checked in");
    public Task<IActionResult> OnPostSeatAsync(int id) => MoveAsync(id, (a, _, _) => a.SeatInChair(), "in the chair");
    public Task<IActionResult> OnPostCompleteAsync(int id) => MoveAsync(id, (a, now, _) => a.Complete(now), "completed");
    public Task<IActionResult> OnPostNoShowAsync(int id) => MoveAsync(id, (a, now, _) => a.MarkNoShow(now), "marked as a no-show");
    public Task<IActionResult> OnPostCancelAsync(int id) => MoveAsync(id, (a, now, by) => a.Cancel(CancelReason, by, now), "cancelled");

    private async Task<IActionResult> MoveAsync(int id, Action<Appointment, DateTime, string> move, string done)
    {
        var a = await db.Appointments.SingleOrDefaultAsync(x => x.Id == id);
        if (a is null) return NotFound();
        if (a.ConcurrencyStamp != ConcurrencyStamp)
        {
            await LoadAsync(id);
            ModelState.AddModelError("", "Someone else changed this appointment since you opened it; here it is as it is now.");
            return Page();
        }
        try { move(a, time.GetUtcNow().UtcDateTime, User.Identity?.Name ?? "unknown"); }
        catch (DomainException e)
        {
            var reason = CancelReason;
            await LoadAsync(id);
            CancelReason = reason; // a refused cancellation keeps what was typed
            ModelState.AddModelError(string.IsNullOrEmpty(e.Field) ? "" : e.Field, e.Message);
            return Page();
        }
        a.ConcurrencyStamp = Guid.NewGuid();
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id);
            ModelState.AddModelError("", "Someone else changed this appointment a moment ago; here it is as it is now.");
            return Page();
        }
        log.LogInformation("Appointment {AppointmentId} {Action}", a.Id, done);
        TempData["Flash"] = $"Appointment {done}.";
        // A clinician checking in goes straight on to the visit, prefilled from the appointment.
        if (a.Status == AppointmentStatus.CheckedIn && a.VisitId is null && MayRecordVisit)
            return RedirectToPage("/Visits/Edit", new { patientId = a.PatientId, appointmentId = a.Id });
        return RedirectToPage("Details", new { id = a.Id });
    }

    private async Task<bool> LoadAsync(int? id)
    {
        if (id is null) return false;
        var row = await (from a in db.Appointments.AsNoTracking()
                         where a.Id == id
                         join p in db.Patients on a.PatientId equals p.Id
                         join s in db.Services on a.ServiceId equals s.Id
                         join st in db.Staff on a.ProviderId equals st.Id
                         join l in db.Locations on a.LocationId equals l.Id
                         select new { a, p.FirstName, p.LastName, p.Mrn, Service = s.Name, Provider = st.FirstName + " " + st.LastName + (st.Credentials == "" ? "" : ", " + st.Credentials), Location = l.Name })
            .SingleOrDefaultAsync();
        if (row is null) return false;
        var clock = await clinicTime.ClockAsync();
        Appointment = row.a;
        (Patient, Mrn, Service, Provider, Location) = ($"{row.FirstName} {row.LastName}", row.Mrn, row.Service, row.Provider, row.Location);
        Resource = row.a.ResourceId is { } rid ? await db.Resources.Where(r => r.Id == rid).Select(r => r.Name).SingleAsync() : null;
        (Start, End) = (clock.ToLocal(row.a.StartUtc), clock.ToLocal(row.a.EndUtc));
        CancelledAt = row.a.CancelledAt is { } c ? clock.ToLocal(c) : null;
        ConcurrencyStamp = row.a.ConcurrencyStamp;
        Access = PatientAccess.View(row.a.PatientId);
        return true;
    }
}
