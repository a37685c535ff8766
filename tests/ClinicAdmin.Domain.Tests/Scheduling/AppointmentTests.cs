using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Scheduling;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Domain.Tests.Scheduling;

public class AppointmentTests
{
    private static readonly DateTime Start = new(2026, 3, 10, 15, 0, 0, DateTimeKind.Utc);
    private static Appointment Booked() => new() { StartUtc = Start, EndUtc = Start.AddMinutes(90) };

    [Fact]
    public void Check_in_then_chair_then_complete_keeps_the_time_held()
    {
        var a = Booked();
        a.CheckIn(Start.AddMinutes(-10));
        a.SeatInChair();
        a.Complete(Start.AddMinutes(95));
        (a.Status, a.HoldsTime, a.CheckedInAt).ShouldBe((AppointmentStatus.Completed, true, Start.AddMinutes(-10)));
        a.NextStates.ShouldBeEmpty();
    }

    [Fact]
    public void Cancelling_frees_the_time_keeps_reason_and_who_and_counts_as_late_inside_24_hours()
    {
        var early = Booked();
        early.Cancel("  Patient travelling ", "fd@clinic", Start.AddHours(-25));
        var late = Booked();
        late.Cancel("Feeling unwell", "fd@clinic", Start.AddHours(-23));

        (early.Status, early.HoldsTime, early.CancelReason, early.CancelledBy, early.LateCancellation).ShouldBe((AppointmentStatus.Cancelled, false, "Patient travelling", "fd@clinic", false));
        late.LateCancellation.ShouldBeTrue();
    }

    [Fact]
    public void A_cancellation_needs_a_reason_and_a_no_show_needs_the_start_to_have_passed()
    {
        var a = Booked();
        Should.Throw<DomainException>(() => a.Cancel(" ", "fd", Start.AddDays(-2))).Field.ShouldBe("CancelReason");
        Should.Throw<DomainException>(() => a.MarkNoShow(Start.AddMinutes(-1)));
        Should.Throw<DomainException>(() => a.CheckIn(Start.AddHours(-13))).Message.ShouldContain("on the day");
        a.MarkNoShow(Start.AddMinutes(20));
        (a.Status, a.HoldsTime).ShouldBe((AppointmentStatus.NoShow, false));
    }

    [Fact]
    public void Finished_appointments_do_not_move_again()
    {
        var a = Booked();
        a.Complete(Start.AddMinutes(90));
        Should.Throw<DomainException>(() => a.Cancel("late", "fd", Start.AddHours(2))).Message.ShouldBe("An appointment that is completed cannot become cancelled.");
    }

    [Fact]
    public void The_length_is_the_service_minutes_plus_monitoring_and_chair_services_need_a_resource()
    {
        AppointmentRules.Length(new Service { DefaultDurationMinutes = 50, MonitoringMinutes = 40 }).ShouldBe(TimeSpan.FromMinutes(90));
        AppointmentRules.Length(new Service { DefaultDurationMinutes = 120 }).ShouldBe(TimeSpan.FromMinutes(120));
        AppointmentRules.Length(new Service()).ShouldBe(TimeSpan.FromMinutes(AppointmentRules.FallbackMinutes));
        AppointmentRules.NeedsResource(ServiceCategory.Infusion).ShouldBeTrue();
        AppointmentRules.NeedsResource(ServiceCategory.Spravato).ShouldBeTrue();
        AppointmentRules.NeedsResource(ServiceCategory.IntegrationTherapy).ShouldBeFalse();
    }

    [Fact]
    public void Resource_rules_report_every_problem_at_once()
    {
        ResourceRules.Problems("", 0, []).Select(p => p.Field).ShouldBe(["Name", "Capacity", "Takes"]);
        ResourceRules.Problems("Chair 1", 1, [ServiceCategory.AddOnTherapy]).ShouldHaveSingleItem().Field.ShouldBe("Takes");
        ResourceRules.DuplicateName(" chair 1 ", ["Chair 1", "Chair 2"]).ShouldNotBeNull();
        var r = new Resource();
        r.SetTakes([ServiceCategory.Spravato, ServiceCategory.Infusion, ServiceCategory.Infusion]);
        (r.Takes, r.TakesCategory(ServiceCategory.Spravato), r.TakesCategory(ServiceCategory.HomeTherapy)).ShouldBe(("Infusion,Spravato", true, false));
    }
}
