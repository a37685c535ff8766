using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Domain.Visits;

namespace ClinicAdmin.Domain.Tests.Incidents;

[Trait("Category", "Unit")]
public class IncidentRulesTests
{
    private static readonly DateTime Now = new(2025, 6, 15, 18, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime Occurred = Now.AddHours(-2);

    private static Incident Valid() => new()
    {
        PatientId = 1, Type = IncidentType.NauseaVomiting, OccurredAt = Occurred, Description = "Nausea at 30 minutes.",
        ReportedBy = "RN", Vitals = new VitalSigns { Systolic = 130, Diastolic = 82, HeartRate = 90, SpO2 = 97 },
        RescueMedication = "Ondansetron", RescueDose = "4 mg IV", RescueGivenAt = Occurred.AddMinutes(5),
        ResolvedAt = Occurred.AddMinutes(40), Outcome = IncidentOutcome.Resolved, OnsetMinutesAfterDose = 30, DoseMg = 56,
    };

    private static string[] Fields(Incident i) => i.RuleViolations(Now).Select(p => p.Field).ToArray();

    [Fact]
    public void A_complete_plausible_incident_has_no_violations()
    {
        Fields(Valid()).ShouldBeEmpty();
    }

    [Fact]
    public void A_time_a_few_seconds_ahead_of_the_server_clock_is_tolerated()
    {
        var i = Valid();
        i.OccurredAt = Now.AddSeconds(30);
        i.ResolvedAt = null; i.RescueGivenAt = null; i.Outcome = IncidentOutcome.Ongoing;
        Fields(i).ShouldBeEmpty();
    }

    public static TheoryData<string, Action<Incident>> Broken => new()
    {
        { "Description", i => i.Description = "  " },
        { "OccurredAt", i => { i.OccurredAt = Now.AddHours(1); i.ResolvedAt = null; i.RescueGivenAt = null; i.Outcome = IncidentOutcome.Ongoing; } },
        { "ResolvedAt", i => i.ResolvedAt = Occurred.AddMinutes(-1) },
        { "ResolvedAt", i => i.ResolvedAt = Now.AddHours(2) },
        { "ResolvedAt", i => i.ResolvedAt = null },
        { "RescueGivenAt", i => i.RescueGivenAt = Occurred.AddMinutes(-10) },
        { "RescueGivenAt", i => i.RescueGivenAt = Now.AddHours(1) },
        { "RescueMedication", i => i.RescueMedication = null },
        { "OnsetMinutesAfterDose", i => i.OnsetMinutesAfterDose = -5 },
        { "OnsetMinutesAfterDose", i => i.OnsetMinutesAfterDose = Incident.MaxOnsetMinutes + 1 },
        { "DoseMg", i => i.DoseMg = 0 },
        { "DoseMg", i => i.DoseMg = 5000 },
        { "Outcome", i => i.Outcome = IncidentOutcome.Fatal },
        { "Vitals.SpO2", i => i.Vitals.SpO2 = 120 },
        { "Vitals.Systolic", i => { i.Vitals.Systolic = 400; i.Vitals.Diastolic = 20; } },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Impossible_values_are_refused_on_their_field(string field, Action<Incident> breakIt)
    {
        var i = Valid();
        breakIt(i);
        Fields(i).ShouldContain(field);
    }

    [Fact]
    public void A_fatal_outcome_is_accepted_at_grade_5()
    {
        var i = Valid();
        i.Classify(5, SeriousCriteria.None);
        i.Outcome = IncidentOutcome.Fatal;
        Fields(i).ShouldBeEmpty();
    }

    [Fact]
    public void An_addendum_is_allowed_after_sign_off_and_keeps_author_and_time()
    {
        var i = Valid();
        i.Classify(3, SeriousCriteria.Hospitalisation);
        i.SignOff("Dr. Director", "Reviewed.", Now);

        var a = i.AddAddendum("  Patient called next day: fully recovered.  ", "RN Nurse", Now.AddDays(1));

        a.Text.ShouldBe("Patient called next day: fully recovered.");
        a.Author.ShouldBe("RN Nurse");
        a.WrittenAt.ShouldBe(Now.AddDays(1));
        i.Addenda.ShouldContain(a);
        i.IsLocked.ShouldBeTrue();
        i.Grade.ShouldBe(3);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_addendum_is_refused(string text)
    {
        var i = Valid();
        Should.Throw<DomainException>(() => i.AddAddendum(text, "RN", Now)).Field.ShouldBe("Text");
        i.Addenda.ShouldBeEmpty();
    }
}
