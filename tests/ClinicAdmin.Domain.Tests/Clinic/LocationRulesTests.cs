using ClinicAdmin.Domain.Clinic;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Tests.Support;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Domain.Tests.Clinic;

[Trait("Category", "Unit")]
public sealed class LocationRulesTests
{
    private static Location Valid() => new()
    {
        Code = " mad ", Name = " Lakeshore Madison ", Phone = " (608) 555-0142 ", FacilityNpi = " 1457381923 ", DefaultPlaceOfService = " 11 ",
        ServiceFacilityAddress = new Address { Line1 = "2150 Harbor View Drive", City = "Madison", State = "wi", PostalCode = " 53703-1234 " },
    };

    [Fact]
    public void A_valid_location_is_normalized()
    {
        var l = Valid();
        LocationRules.Check(l);
        (l.Code, l.Name, l.Phone, l.FacilityNpi, l.DefaultPlaceOfService).ShouldBe(("MAD", "Lakeshore Madison", "(608) 555-0142", "1457381923", "11"));
        (l.ServiceFacilityAddress.State, l.ServiceFacilityAddress.PostalCode).ShouldBe(("WI", "53703-1234"));
    }

    [Theory]
    [InlineData("M")]
    [InlineData("ABCDEFGHIJK")]
    [InlineData("MA D")]
    [InlineData("-MAD")]
    [InlineData("MÄD")]
    [InlineData("")]
    public void A_code_is_2_to_10_ascii_letters_digits_or_dashes(string code)
    {
        var l = Valid();
        l.Code = code;
        Should.Throw<DomainException>(() => LocationRules.Check(l)).Field.ShouldBe("Code");
    }

    [Theory]
    [InlineData("MAIN-2", "MAIN-2")]
    [InlineData("x1", "X1")]
    public void Codes_with_digits_and_dashes_are_fine(string code, string stored)
    {
        var l = Valid();
        l.Code = code;
        LocationRules.Check(l);
        l.Code.ShouldBe(stored);
    }

    [Theory]
    [InlineData("FacilityNpi", "1457381924", "check digit")]
    [InlineData("FacilityNpi", "145738192", "10 digits")]
    [InlineData("DefaultPlaceOfService", "00", "two-digit")]
    [InlineData("DefaultPlaceOfService", "1", "two-digit")]
    [InlineData("Phone", "555-0142", "10 digits")]
    [InlineData("Name", "  ", "name")]
    public void Bad_values_name_their_field(string field, string value, string message)
    {
        var l = Valid();
        switch (field)
        {
            case "FacilityNpi": l.FacilityNpi = value; break;
            case "DefaultPlaceOfService": l.DefaultPlaceOfService = value; break;
            case "Phone": l.Phone = value; break;
            default: l.Name = value; break;
        }
        var e = Should.Throw<DomainException>(() => LocationRules.Check(l));
        e.Field.ShouldBe(field);
        e.Message.ShouldContain(message);
    }

    [Theory]
    [InlineData("Line1", "")]
    [InlineData("City", "")]
    [InlineData("State", "ZZ")]
    [InlineData("PostalCode", "5370")]
    public void The_facility_address_must_be_complete_for_box_32(string part, string value)
    {
        var l = Valid();
        var a = l.ServiceFacilityAddress;
        switch (part) { case "Line1": a.Line1 = value; break; case "City": a.City = value; break; case "State": a.State = value; break; default: a.PostalCode = value; break; }
        Should.Throw<DomainException>(() => LocationRules.Check(l)).Field.ShouldBe("ServiceFacilityAddress." + part);
    }

    [Fact]
    public void No_npi_is_allowed_and_stored_as_null()
    {
        var l = Valid();
        l.FacilityNpi = "  ";
        LocationRules.Check(l);
        l.FacilityNpi.ShouldBeNull();
    }

    [Fact]
    public void Codes_and_names_are_unique_ignoring_case_but_a_location_may_keep_its_own()
    {
        LocationEntry[] others = [new(1, "MAD", "Lakeshore Madison", true), new(2, "MID", "Lakeshore Middleton", false)];
        var l = Valid(); LocationRules.Check(l);
        Should.Throw<DomainException>(() => LocationRules.EnsureUnique(l, others)).Field.ShouldBe("Code");
        var renamed = new Location { Code = "NEW", Name = "lakeshore middleton" };
        Should.Throw<DomainException>(() => LocationRules.EnsureUnique(renamed, others)).Field.ShouldBe("Name");
        var itself = new Location { Code = "MAD", Name = "Lakeshore Madison" }.WithId(1);
        Should.NotThrow(() => LocationRules.EnsureUnique(itself, others));
    }

    [Fact]
    public void The_last_active_location_cannot_be_deactivated()
    {
        var only = new Location { Code = "MAD", Name = "Madison" }.WithId(1);
        Should.Throw<DomainException>(() => LocationRules.EnsureCanDeactivate(only, [new(1, "MAD", "Madison", true), new(2, "OLD", "Old", false)]))
            .Message.ShouldContain("only active location");
        Should.NotThrow(() => LocationRules.EnsureCanDeactivate(only, [new(1, "MAD", "Madison", true), new(2, "MID", "Middleton", true)]));
    }

    [Fact]
    public void A_new_visit_defaults_to_the_patients_last_active_location_else_the_first_active_by_code()
    {
        LocationEntry[] all = [new(3, "MID", "Middleton", true), new(1, "MAD", "Madison", true), new(2, "OLD", "Old", false)];
        LocationRules.DefaultFor(3, all).ShouldBe(3);
        LocationRules.DefaultFor(2, all).ShouldBe(1);    // last seen at a closed site: first active by code (MAD)
        LocationRules.DefaultFor(null, all).ShouldBe(1);
        LocationRules.DefaultFor(null, [new(2, "OLD", "Old", false)]).ShouldBeNull();
    }
}
