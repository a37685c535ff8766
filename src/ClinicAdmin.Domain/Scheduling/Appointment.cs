using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Scheduling;

public enum AppointmentStatus { Booked, CheckedIn, InChair, Completed, NoShow, Cancelled }

/// <summary>What an appointment would collide with; the database names it when two bookings race.</summary>
public enum BookingClash { Chair, Provider, Patient }

/// <summary>
/// A patient's booked time with a provider, and for chair services a chair or room place. Times are UTC; pages show
/// them in the clinic's zone. <see cref="HoldsTime"/> is stored (not computed) because the database's no-overlap rule
/// (an exclusion constraint or trigger) reads it: cancelled and no-show appointments free their time.
/// </summary>
public class Appointment : EditableEntity
{
    /// <summary>Cancelling closer to the start than this counts as a late cancellation in the figures.</summary>
    public static readonly TimeSpan LateCancellationWindow = TimeSpan.FromHours(24);
    public const int MaxReasonLength = 200;
    /// <summary>How early a patient can be checked in: on the morning of an afternoon slot, never the day before.</summary>
    public static readonly TimeSpan CheckInWindow = TimeSpan.FromHours(12);

    public int PatientId { get; set; }
    public int ServiceId { get; set; }
    public int ProviderId { get; set; }
    public int LocationId { get; set; }
    public int? ResourceId { get; set; }
    /// <summary>Which place of the resource (1..capacity); 0 when no resource is held.</summary>
    public int Place { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    public AppointmentStatus Status { get; private set; } = AppointmentStatus.Booked;
    public bool HoldsTime { get; private set; } = true;
    public string? Note { get; set; }
    public string BookedBy { get; set; } = "";
    public DateTime BookedAt { get; set; }
    public DateTime? CheckedInAt { get; private set; }
    public string? CancelReason { get; private set; }
    public string? CancelledBy { get; private set; }
    public DateTime? CancelledAt { get; private set; }
    public bool LateCancellation { get; private set; }
    /// <summary>The visit recorded from this appointment, once checked in or completed.</summary>
    public int? VisitId { get; set; }

    public bool IsOpen => Status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn or AppointmentStatus.InChair;

    /// <summary>The states a person may move this appointment to now.</summary>
    public IReadOnlyList<AppointmentStatus> NextStates => Status switch
    {
        AppointmentStatus.Booked => [AppointmentStatus.CheckedIn, AppointmentStatus.NoShow, AppointmentStatus.Cancelled],
        AppointmentStatus.CheckedIn => [AppointmentStatus.InChair, AppointmentStatus.Completed, AppointmentStatus.Cancelled],
        AppointmentStatus.InChair => [AppointmentStatus.Completed],
        _ => [],
    };

    public void CheckIn(DateTime nowUtc)
    {
        if (nowUtc < StartUtc - CheckInWindow) throw new DomainException("", "A patient can be checked in only on the day of the appointment.");
        Move(AppointmentStatus.CheckedIn);
        CheckedInAt = nowUtc;
    }

    public void SeatInChair() => Move(AppointmentStatus.InChair);

    public void Complete(DateTime nowUtc)
    {
        if (Status == AppointmentStatus.Booked) CheckIn(nowUtc); // a walk-through completion checks in on the way
        Move(AppointmentStatus.Completed);
    }

    public void MarkNoShow(DateTime nowUtc)
    {
        if (nowUtc < StartUtc) throw new DomainException("", "A patient can be marked as a no-show only once the appointment has started.");
        Move(AppointmentStatus.NoShow);
    }

    public void Cancel(string? reason, string by, DateTime nowUtc)
    {
        var r = reason?.Trim() ?? "";
        if (r.Length == 0) throw new DomainException("CancelReason", "Give the reason for cancelling (it is kept with the appointment).");
        if (r.Length > MaxReasonLength) throw new DomainException("CancelReason", $"A reason is at most {MaxReasonLength} characters.");
        Move(AppointmentStatus.Cancelled);
        (CancelReason, CancelledBy, CancelledAt) = (r, by, nowUtc);
        LateCancellation = StartUtc - nowUtc < LateCancellationWindow;
    }

    private void Move(AppointmentStatus to)
    {
        if (!NextStates.Contains(to))
            throw new DomainException("", $"An appointment that is {Vocabulary.Label(Status).ToLowerInvariant()} cannot become {Vocabulary.Label(to).ToLowerInvariant()}.");
        Status = to;
        HoldsTime = to is not (AppointmentStatus.Cancelled or AppointmentStatus.NoShow);
    }
}

/// <summary>How long a service holds its chair and provider, and which services need a chair or room.</summary>
public static class AppointmentRules
{
    /// <summary>Used when the catalog gives no minutes (a new service): an hour is the common slot.</summary>
    public const int FallbackMinutes = 60;
    public static readonly TimeSpan LongestAppointment = TimeSpan.FromHours(8);

    /// <summary>Infusions, IM and Spravato need a chair or room and its observation; consults and integration book a provider alone.</summary>
    public static bool NeedsResource(ServiceCategory c) => c is ServiceCategory.Infusion or ServiceCategory.Spravato or ServiceCategory.Intramuscular;

    public static bool IsBookable(ServiceCategory c) => c is not (ServiceCategory.AddOnTherapy or ServiceCategory.PreMedication);

    /// <summary>The service's own minutes plus its monitoring time.</summary>
    public static TimeSpan Length(Service s) => TimeSpan.FromMinutes((s.DefaultDurationMinutes ?? FallbackMinutes) + (s.MonitoringMinutes ?? 0));

    /// <summary>Every problem with a booking at once (field-keyed), before the database has its say on overlaps.</summary>
    public static IEnumerable<(string Field, string Message)> Problems(Service service, Resource? resource, int locationId, DateTime startUtc, DateTime nowUtc)
    {
        if (!service.IsActive) yield return ("ServiceId", $"{service.Name} is no longer offered.");
        if (!IsBookable(service.Category)) yield return ("ServiceId", $"{service.Name} is an add-on; book the service it rides on.");
        if (startUtc < nowUtc.AddMinutes(-5)) yield return ("Start", "That time has passed; choose a time from now on.");
        if (startUtc > nowUtc.AddYears(2)) yield return ("Start", "Appointments can be booked up to two years ahead.");
        if (resource is null)
        {
            if (NeedsResource(service.Category)) yield return ("ResourceId", $"{service.Name} needs a chair or room; choose one.");
        }
        else
        {
            if (!resource.IsActive) yield return ("ResourceId", $"{resource.Name} is no longer in use.");
            if (resource.LocationId != locationId) yield return ("ResourceId", $"{resource.Name} is at another location.");
            if (!resource.TakesCategory(service.Category))
                yield return ("ResourceId", $"{resource.Name} does not take {Vocabulary.Label(service.Category)} services.");
        }
    }

    public static bool Overlaps(DateTime aStart, DateTime aEnd, DateTime bStart, DateTime bEnd) => aStart < bEnd && bStart < aEnd;

    /// <summary>What the person booking reads when the time is already held (found before saving, or by the database in a race).</summary>
    public static string ClashMessage(BookingClash clash) => clash switch
    {
        BookingClash.Chair => "That chair or room was just taken for this time. Choose another chair or time.",
        BookingClash.Provider => "The provider already has an appointment at this time. Choose another provider or time.",
        BookingClash.Patient => "The patient already has an appointment at this time.",
        _ => "That time was just taken.",
    };
}
