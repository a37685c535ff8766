using System.Text.RegularExpressions;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Visits;

namespace ClinicAdmin.Domain.Tests.Common;

[Trait("Category", "Unit")]
public class VocabularyTests
{
    /// <summary>Brand names keep their own capitals.</summary>
    private static readonly HashSet<string> Brands = ["CareCredit"];

    public static TheoryData<Enum> EveryValue()
    {
        var data = new TheoryData<Enum>();
        foreach (var type in Vocabulary.UserFacing)
            foreach (Enum value in Enum.GetValues(type))
                data.Add(value);
        return data;
    }

    [Fact]
    public void Every_enum_of_the_domain_is_in_the_vocabulary()
    {
        // A new enum in Domain is something a user will see (a field of an entity): it needs its words here first.
        var enums = typeof(Vocabulary).Assembly.GetExportedTypes().Where(t => t.IsEnum).ToList();
        enums.ShouldNotBeEmpty();
        enums.Except(Vocabulary.UserFacing).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(EveryValue))]
    public void Every_value_has_a_label_without_camel_case_artefacts(Enum value)
    {
        var label = Vocabulary.Label(value);
        label.ShouldNotBeNullOrWhiteSpace();
        label.ShouldBe(label.Trim());
        // "NauseaVomiting", "AnxietyAgitation", "Phq9": an enum name leaking through.
        foreach (var word in label.Split(' ', '/', '(', ')', '-'))
            if (!Brands.Contains(word))
                Regex.IsMatch(word, "[a-z][A-Z]|[A-Za-z][0-9]").ShouldBeFalse($"{value.GetType().Name}.{value}: \"{label}\"");
        // "Ptsd", "Crps", "Iv": acronyms cased as words by the old splitting of names.
        Regex.IsMatch(label, @"\b(Ptsd|Crps|Ocd|Iv|Im|Phq|Gad|Pcl|Nrs)\b").ShouldBeFalse(label);
        (char.IsUpper(label[0]) || label == "—").ShouldBeTrue($"\"{label}\" starts with a capital");
    }

    [Fact]
    public void Labels_are_unique_within_each_enum()
    {
        foreach (var type in Vocabulary.UserFacing)
            Enum.GetValues(type).Cast<Enum>().Select(Vocabulary.Label).ShouldBeUnique(type.Name);
    }

    [Theory]
    [InlineData(Indication.Ptsd, "PTSD")]
    [InlineData(Indication.Crps, "CRPS")]
    [InlineData(Indication.Ocd, "OCD")]
    [InlineData(Indication.TreatmentResistantDepression, "Treatment-resistant depression")]
    [InlineData(IncidentType.NauseaVomiting, "Nausea/vomiting")]
    [InlineData(IncidentType.Hypertension, "Raised blood pressure")]
    [InlineData(Route.IV, "IV")]
    [InlineData(Route.IM, "IM")]
    [InlineData(ServiceCategory.Intramuscular, "IM ketamine")]
    [InlineData(PaymentMethod.CareCredit, "CareCredit")]
    public void Clinical_terms_are_written_as_in_the_domain_notes(Enum value, string label) =>
        Vocabulary.Label(value).ShouldBe(label);

    [Fact]
    public void A_set_of_serious_criteria_is_listed_in_form_order()
    {
        Vocabulary.Serious(SeriousCriteria.None).ShouldBe("No");
        Vocabulary.Serious(SeriousCriteria.Hospitalisation | SeriousCriteria.Death, "; ")
            .ShouldBe("Death; Hospitalisation (new or prolonged)");
    }

    [Fact]
    public void Every_CTCAE_grade_and_only_those_have_words()
    {
        Vocabulary.CtcaeGrades.Select(Vocabulary.CtcaeGrade).ShouldBe(["Mild", "Moderate", "Severe", "Life-threatening", "Death"]);
        Vocabulary.CtcaeGrades.Select(Vocabulary.CtcaeGradeMeaning).ShouldAllBe(m => m.Length > 10);
        Should.Throw<ArgumentOutOfRangeException>(() => Vocabulary.CtcaeGrade(6));
        Should.Throw<ArgumentOutOfRangeException>(() => Vocabulary.CtcaeGradeMeaning(0));
    }

    [Fact]
    public void Every_role_is_written_as_people_say_it()
    {
        Roles.All.Select(Vocabulary.Role).ShouldBe(["Practice manager", "Medical director", "Clinician", "Front desk / billing"]);
    }

    [Fact]
    public void An_enum_outside_the_vocabulary_is_refused_rather_than_spelled_out()
    {
        Should.Throw<ArgumentException>(() => Vocabulary.Label(DayOfWeek.Monday));
    }

    [Fact]
    public void Select_lists_keep_declaration_order()
    {
        Vocabulary.Options<ServiceCategory>().Select(o => o.Value).ShouldBe(Enum.GetValues<ServiceCategory>());
        Vocabulary.Options<Indication>()[0].Label.ShouldBe("Treatment-resistant depression");
    }
}
