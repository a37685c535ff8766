using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Web.Features.Audit;
using Shouldly;
using Xunit;
using ClinicAdmin.Web.PageKit;

namespace ClinicAdmin.Web.Tests.Features.Audit;

[Trait("Category", "Unit")]
public sealed class AuditTextTests
{
    [Theory]
    [InlineData("StaffMember", "9", "Maya Lindqvist", "Staff member Maya Lindqvist")]
    [InlineData("ServicePrice", "4", "IV ketamine infusion from 2026-12-07", "Price of IV ketamine infusion from 2026-12-07")]
    [InlineData("Location", "2", "Downtown", "Location Downtown")]
    [InlineData("Location.ServiceFacilityAddress", "2", "Downtown", "Location Downtown")]
    [InlineData("Patient", "7", "MRN-000123", "Patient MRN-000123")]
    [InlineData("Visit", "31", "MRN-000123", "Visit of patient MRN-000123")]
    [InlineData("IdentityUserRole", "u1/r1", "pm@test.clinic", "Role of pm@test.clinic")]
    [InlineData("ClinicSettings", "1", "Lakeside Ketamine", "Clinic settings")]
    public void Records_are_named_as_people_call_them(string type, string id, string name, string expected)
    {
        AuditText.Record(type, id, name).ShouldBe(expected);
    }

    [Fact]
    public void A_record_without_a_known_name_falls_back_to_its_type_and_number()
    {
        AuditText.Record("StaffMember", "9", null).ShouldBe("Staff member #9");
        AuditText.Record("DataProtectionKey", "3", null).ShouldBe("Data protection key #3");
    }

    [Theory]
    [InlineData("StaffMember", "IsRenderingProvider", "Rendering provider")]   // the form's label, without its hint
    [InlineData("StaffMember", "LicenseExpiresOn", "License expires")]
    [InlineData("StaffMember", "UserId", "Sign-in account")]
    [InlineData("Visit", "RenderingProviderId", "Rendering provider")]
    [InlineData("Visit", "LocationId", "Location")]
    [InlineData("Incident", "OnsetMinutesAfterDose", "Onset")]
    [InlineData("Location", "FacilityNpi", "Facility NPI")]
    [InlineData("ServicePrice", "Amount", "Price")]
    [InlineData("ServicePrice", "SetBy", "Set by")]                          // no form field: spaced-out name
    [InlineData("ClinicSettings", "ShowPatientNamesInReports", "Show patient names in reports")]
    [InlineData("IdentityUserRole", "RoleId", "Role")]
    public void Fields_are_labelled_as_their_forms_label_them(string type, string field, string expected)
    {
        AuditText.Field(type, field).ShouldBe(expected);
    }

    [Fact]
    public void Owned_values_carry_the_name_of_the_value()
    {
        AuditText.Field("Location.ServiceFacilityAddress", "Line1").ShouldBe("Service facility address: Street");
        AuditText.Field("Visit.VitalsBefore", "Systolic").ShouldBe("Vitals before: Systolic BP");
    }

    [Fact]
    public void Every_form_the_labels_come_from_still_exists()
    {
        // A renamed input class would silently turn labels back into property names.
        foreach (var form in AuditText.FormNames) AuditText.FormType(form).ShouldNotBeNull(form);
    }

    [Theory]
    [InlineData(null, typeof(string), "(empty)")]
    [InlineData("", typeof(string), "(empty)")]
    [InlineData("true", typeof(bool), "Yes")]
    [InlineData("false", typeof(bool), "No")]
    [InlineData("2", typeof(CourseStatus), "Completed")]
    [InlineData("1", typeof(CourseStatus?), "Active")]
    [InlineData("0", typeof(ServiceCategory), "Infusions")]
    [InlineData("5", typeof(IncidentType), "Raised blood pressure")]
    [InlineData("3", typeof(SeriousCriteria), "Death, Life-threatening")]
    [InlineData("0", typeof(SeriousCriteria), "No")]
    [InlineData("99", typeof(CourseStatus), "99")]                            // a stray number stays as it was stored
    [InlineData("Ketamine <b>", typeof(string), "Ketamine <b>")]
    public void Values_are_written_as_the_pages_write_them(string? raw, Type type, string expected)
    {
        AuditText.Value(raw, type).ShouldBe(expected);
    }

    [Fact]
    public void Calendar_dates_are_written_as_the_pages_write_them()
    {
        AuditText.Value("2026-12-07", typeof(DateOnly)).ShouldBe(RecordText.Date(new DateOnly(2026, 12, 7)));
        AuditText.Value("2026-12-07", typeof(DateOnly)).ShouldBe("12/07/2026");   // the US default
        AuditText.Value("not a date", typeof(DateOnly)).ShouldBe("not a date");
    }

    [Fact]
    public void Instants_are_shown_in_clinic_time()
    {
        var chicagoInJune = TimeSpan.FromHours(-5);
        AuditText.Value("2026-06-15T17:00:00Z", typeof(DateTime), utc => utc + chicagoInJune).ShouldBe(RecordText.DateTime(new DateTime(2026, 6, 15, 12, 0, 0)));
    }

    [Theory]
    [InlineData("399.0000", "Amount", "$399.00")]
    [InlineData("1250.5", "UnitPrice", "$1,250.50")]
    [InlineData("-25.00", "Amount", "-$25.00")]
    [InlineData("35.5000", "DoseMg", "35.5")]
    [InlineData("82.0000", "WeightKg", "82")]
    [InlineData("not a number", "Amount", "not a number")]
    public void Money_reads_as_dollars_and_other_decimals_lose_the_columns_trailing_zeros(string raw, string field, string expected)
    {
        AuditText.Value(raw, typeof(decimal), field: field).ShouldBe(expected);
        AuditText.Value(raw, typeof(decimal?), field: field).ShouldBe(expected);
    }

    [Fact]
    public void Roles_are_named_from_the_shared_vocabulary()
    {
        AuditText.Role("MedicalDirector").ShouldBe("Medical director");
        AuditText.Role(null).ShouldBe("(empty)");
    }

    [Fact]
    public void Only_the_record_types_people_edit_are_offered_by_default()
    {
        AuditText.IsEdited("StaffMember").ShouldBeTrue();
        AuditText.IsEdited("ClinicSettings.BillingAddress").ShouldBeTrue();
        AuditText.IsEdited("IdentityUserToken").ShouldBeFalse();
        AuditText.IsEdited("DataProtectionKey").ShouldBeFalse();
        AuditText.IsEdited("JobRun").ShouldBeFalse();
    }

    [Theory]
    [InlineData("IsRenderingProvider", "Rendering provider")]
    [InlineData("LocationId", "Location")]
    [InlineData("FacilityNpi", "Facility NPI")]
    [InlineData("VitalsAt40Min", "Vitals at 40 min")]
    public void Names_without_a_label_are_spaced_out(string name, string expected)
    {
        AuditText.Humanise(name).ShouldBe(expected);
    }
}
