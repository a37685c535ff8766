using ClinicAdmin.Domain.Patients;

namespace ClinicAdmin.Domain.Tests.Patients;

[Trait("Category", "Unit")]
public class PatientTests
{
    [Fact]
    public void A_patient_with_no_screening_flags_has_no_contraindications()
    {
        new Patient().Contraindications().ShouldBeEmpty();
    }

    public static TheoryData<Action<Patient>, string> EachFlag => new()
    {
        { p => p.HasUncontrolledHypertension = true, "Uncontrolled hypertension" },
        { p => p.HasPsychosisHistory = true, "History of psychosis" },
        { p => p.IsPregnant = true, "Pregnancy" },
        { p => p.HasSevereLiverDisease = true, "Severe liver disease" },
        { p => p.HasSubstanceMisuse = true, "Substance misuse" },
    };

    [Theory]
    [MemberData(nameof(EachFlag))]
    public void Each_screening_flag_is_shown_as_a_contraindication(Action<Patient> set, string expected)
    {
        var p = new Patient();
        set(p);

        p.Contraindications().ShouldBe([expected]);
    }

    [Fact]
    public void All_present_contraindications_are_listed()
    {
        var p = new Patient
        {
            HasUncontrolledHypertension = true, HasPsychosisHistory = true, IsPregnant = true,
            HasSevereLiverDisease = true, HasSubstanceMisuse = true,
        };

        p.Contraindications().Count().ShouldBe(5);
    }

    [Fact]
    public void Full_name_is_first_then_last()
    {
        new Patient { FirstName = "Morgan", LastName = "Tesh" }.FullName.ShouldBe("Morgan Tesh");
    }

    [Fact]
    public void A_new_course_plans_six_sessions_and_starts_as_planned()
    {
        var c = new TreatmentCourse();

        c.PlannedSessions.ShouldBe(6);
        c.Status.ShouldBe(CourseStatus.Planned);
    }
}
