using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Patients;

namespace ClinicAdmin.Domain.Tests.Patients;

[Trait("Category", "Unit")]
public class CourseRulesTests
{
    [Theory]
    [InlineData(0, 'A')]
    [InlineData(1, 'B')]
    [InlineData(11, 'L')]
    public void Diagnosis_positions_are_lettered_A_to_L(int position, char letter)
    {
        CourseRules.Letter(position).ShouldBe(letter);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(12)]
    public void There_is_no_letter_beyond_L(int position)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => CourseRules.Letter(position));
    }

    [Theory]
    [InlineData(1)] [InlineData(6)] [InlineData(30)]
    public void Planned_sessions_from_1_to_30_are_accepted(int planned) => CourseRules.CheckPlannedSessions(planned);

    [Theory]
    [InlineData(0)] [InlineData(-3)] [InlineData(31)]
    public void Planned_sessions_outside_1_to_30_are_refused(int planned)
    {
        Should.Throw<DomainException>(() => CourseRules.CheckPlannedSessions(planned)).Field.ShouldBe("PlannedSessions");
    }

    [Fact]
    public void Diagnoses_are_kept_in_the_given_order_and_normalised()
    {
        var course = new TreatmentCourse();
        CourseRules.SetDiagnoses(course, [("f332", "MDD recurrent severe"), ("F41.1", "GAD")]);
        course.Diagnoses.Select(d => (d.Position, d.Code)).ShouldBe([(0, "F33.2"), (1, "F41.1")]);
    }

    [Fact]
    public void Setting_diagnoses_again_updates_rows_in_place_and_drops_the_extra_ones()
    {
        var course = new TreatmentCourse();
        CourseRules.SetDiagnoses(course, [("F33.2", "a"), ("F41.1", "b"), ("R45.851", "c")]);
        var first = course.Diagnoses[0];
        CourseRules.SetDiagnoses(course, [("F43.10", "PTSD")]);
        course.Diagnoses.ShouldBe([first]);
        first.Code.ShouldBe("F43.10");
    }

    [Fact]
    public void A_course_needs_one_to_twelve_distinct_valid_codes()
    {
        var course = new TreatmentCourse();
        Should.Throw<DomainException>(() => CourseRules.SetDiagnoses(course, [])).Message.ShouldContain("at least one");
        Should.Throw<DomainException>(() => CourseRules.SetDiagnoses(course, Enumerable.Range(0, 13).Select(i => ($"F{10 + i}", "x")).ToList())).Message.ShouldContain("12");
        Should.Throw<DomainException>(() => CourseRules.SetDiagnoses(course, [("F33.2", "a"), ("f332", "b")])).Message.ShouldContain("twice");
        Should.Throw<DomainException>(() => CourseRules.SetDiagnoses(course, [("33.2", "a")])).Message.ShouldContain("not an ICD-10-CM code");
    }

    [Fact]
    public void Only_a_finished_course_has_an_end_date_and_it_is_not_before_the_start()
    {
        var start = new DateOnly(2026, 6, 1);
        Should.Throw<DomainException>(() => CourseRules.CheckDates(new TreatmentCourse { StartDate = start, Status = CourseStatus.Active, EndDate = start.AddDays(5) }));
        Should.Throw<DomainException>(() => CourseRules.CheckDates(new TreatmentCourse { StartDate = start, Status = CourseStatus.Completed, EndDate = start.AddDays(-1) }));
        CourseRules.CheckDates(new TreatmentCourse { StartDate = start, Status = CourseStatus.Stopped, EndDate = start });
    }
}
