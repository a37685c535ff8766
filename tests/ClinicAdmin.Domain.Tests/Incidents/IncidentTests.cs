using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Incidents;

namespace ClinicAdmin.Domain.Tests.Incidents;

[Trait("Category", "Unit")]
public class IncidentTests
{
    private static readonly DateTime NowUtc = new(2025, 6, 15, 18, 30, 0, DateTimeKind.Utc);

    private static Incident Nausea() => new() { PatientId = 1, Type = IncidentType.NauseaVomiting, ReportedBy = "rn@clinic" };

    // ---- Classify -------------------------------------------------------------------------

    [Fact]
    public void A_new_incident_is_grade_1_not_serious_and_needs_no_review()
    {
        var i = Nausea();

        i.Grade.ShouldBe(1);
        i.Serious.ShouldBe(SeriousCriteria.None);
        i.IsSerious.ShouldBeFalse();
        i.NeedsReview.ShouldBeFalse();
        i.IsLocked.ShouldBeFalse();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(6)]
    [InlineData(int.MaxValue)]
    public void A_grade_outside_1_to_5_is_refused(int grade)
    {
        var i = Nausea();

        var ex = Should.Throw<DomainException>(() => i.Classify(grade, SeriousCriteria.None));

        ex.Field.ShouldBe("Grade");
        i.Grade.ShouldBe(1);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Grades_1_to_3_keep_the_serious_criteria_given(int grade)
    {
        var i = Nausea();

        i.Classify(grade, SeriousCriteria.None);
        i.Grade.ShouldBe(grade);
        i.Serious.ShouldBe(SeriousCriteria.None);

        i.Classify(grade, SeriousCriteria.Hospitalisation);
        i.Serious.ShouldBe(SeriousCriteria.Hospitalisation);
    }

    [Fact]
    public void Grade_4_is_always_life_threatening()
    {
        var i = Nausea();

        i.Classify(4, SeriousCriteria.None);

        i.Serious.ShouldBe(SeriousCriteria.LifeThreatening);
        i.IsSerious.ShouldBeTrue();
    }

    [Fact]
    public void Grade_4_keeps_other_serious_criteria_and_adds_life_threatening()
    {
        var i = Nausea();

        i.Classify(4, SeriousCriteria.Hospitalisation);

        i.Serious.ShouldBe(SeriousCriteria.Hospitalisation | SeriousCriteria.LifeThreatening);
    }

    [Fact]
    public void Grade_5_is_always_a_death()
    {
        var i = Nausea();

        i.Classify(5, SeriousCriteria.None);

        i.Serious.HasFlag(SeriousCriteria.Death).ShouldBeTrue();
        i.IsSerious.ShouldBeTrue();
    }

    [Fact]
    public void Grade_5_keeps_other_serious_criteria_and_adds_death()
    {
        var i = Nausea();

        i.Classify(5, SeriousCriteria.Hospitalisation | SeriousCriteria.LifeThreatening);

        i.Serious.ShouldBe(SeriousCriteria.Death | SeriousCriteria.Hospitalisation | SeriousCriteria.LifeThreatening);
    }

    [Fact]
    public void Reclassifying_replaces_the_previous_grade_and_criteria()
    {
        var i = Nausea();
        i.Classify(4, SeriousCriteria.Hospitalisation);

        i.Classify(2, SeriousCriteria.None);

        i.Grade.ShouldBe(2);
        i.Serious.ShouldBe(SeriousCriteria.None);
        i.NeedsReview.ShouldBeFalse();
    }

    // ---- NeedsReview ----------------------------------------------------------------------

    [Theory]
    [InlineData(1, SeriousCriteria.None, false)]
    [InlineData(2, SeriousCriteria.None, false)]
    [InlineData(3, SeriousCriteria.None, true)]
    [InlineData(4, SeriousCriteria.None, true)]
    [InlineData(5, SeriousCriteria.None, true)]
    [InlineData(1, SeriousCriteria.Hospitalisation, true)]
    [InlineData(2, SeriousCriteria.Disability, true)]
    [InlineData(2, SeriousCriteria.CongenitalAnomaly, true)]
    [InlineData(2, SeriousCriteria.RequiredIntervention, true)]
    [InlineData(1, SeriousCriteria.LifeThreatening, true)]
    public void Grade_3_or_more_or_any_serious_criterion_needs_the_medical_directors_review(int grade, SeriousCriteria serious, bool needsReview)
    {
        var i = Nausea();

        i.Classify(grade, serious);

        i.NeedsReview.ShouldBe(needsReview);
        i.IsSerious.ShouldBe(i.Serious != SeriousCriteria.None);
    }

    // ---- Sign-off and lock ----------------------------------------------------------------

    [Fact]
    public void Signing_off_records_the_reviewer_and_locks_the_incident()
    {
        var i = Nausea();
        i.Classify(3, SeriousCriteria.Hospitalisation);

        i.SignOff("director@clinic", "Reviewed; protocol followed.", NowUtc);

        i.ReviewedBy.ShouldBe("director@clinic");
        i.ReviewNotes.ShouldBe("Reviewed; protocol followed.");
        i.SignedOffAt.ShouldBe(NowUtc);
        i.IsLocked.ShouldBeTrue();
    }

    [Fact]
    public void A_locked_incident_refuses_reclassification()
    {
        var i = Nausea();
        i.Classify(3, SeriousCriteria.None);
        i.SignOff("director@clinic", null, NowUtc);

        var ex = Should.Throw<DomainException>(() => i.Classify(1, SeriousCriteria.None));

        ex.Message.ShouldContain("addendum");
        i.Grade.ShouldBe(3);
        i.Serious.ShouldBe(SeriousCriteria.None);
    }

    [Fact]
    public void A_locked_incident_cannot_be_signed_off_again()
    {
        var i = Nausea();
        i.SignOff("director@clinic", "first", NowUtc);

        Should.Throw<DomainException>(() => i.SignOff("someone.else@clinic", "second", NowUtc.AddHours(1)));

        i.ReviewedBy.ShouldBe("director@clinic");
        i.ReviewNotes.ShouldBe("first");
        i.SignedOffAt.ShouldBe(NowUtc);
    }

    [Fact]
    public void EnsureUnlocked_passes_before_sign_off_and_throws_after()
    {
        var i = Nausea();
        Should.NotThrow(i.EnsureUnlocked);

        i.SignOff("director@clinic", null, NowUtc);

        Should.Throw<DomainException>(i.EnsureUnlocked);
    }

    // ---- the review rule in queries ------------------------------------------------------

    public static TheoryData<int, SeriousCriteria> AllClassifications()
    {
        var data = new TheoryData<int, SeriousCriteria>();
        foreach (var grade in new[] { 1, 2, 3 })
            foreach (var serious in new[] { SeriousCriteria.None, SeriousCriteria.Hospitalisation, SeriousCriteria.RequiredIntervention })
                data.Add(grade, serious);
        data.Add(4, SeriousCriteria.None);
        data.Add(5, SeriousCriteria.None);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllClassifications))]
    public void The_query_forms_of_the_review_rule_agree_with_NeedsReview(int grade, SeriousCriteria serious)
    {
        var i = Nausea();
        i.Classify(grade, serious);

        Incident.NeedsReviewQuery.Compile()(i).ShouldBe(i.NeedsReview);
        Incident.RequiresReview(i.Grade, i.Serious).ShouldBe(i.NeedsReview);
        Incident.AwaitingReviewQuery.Compile()(i).ShouldBe(i.NeedsReview);
        i.NeedsReview.ShouldBe(grade >= 3 || serious != SeriousCriteria.None);
    }

    [Fact]
    public void A_signed_off_incident_is_no_longer_awaiting_review()
    {
        var i = Nausea();
        i.Classify(3, SeriousCriteria.None);
        i.SignOff("md@clinic", "Reviewed.", NowUtc);

        Incident.NeedsReviewQuery.Compile()(i).ShouldBeTrue();
        Incident.AwaitingReviewQuery.Compile()(i).ShouldBeFalse();
    }
}
