using ClinicAdmin.Domain.Clinic;

namespace ClinicAdmin.Domain.Tests.Clinic;

[Trait("Category", "Unit")]
public class ClinicTimeZonesTests
{
    [Fact]
    public void Every_offered_US_zone_resolves_on_this_machine()
    {
        foreach (var (id, _) in ClinicTimeZones.UnitedStates)
            ClinicTimeZones.IsValid(id).ShouldBeTrue(id);
    }

    [Theory]
    [InlineData("America/Chicago")]
    [InlineData("Europe/Berlin")]
    [InlineData("UTC")]
    public void Known_zones_are_accepted(string id)
    {
        ClinicTimeZones.IsValid(id).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Central")]
    [InlineData(" America/Chicago")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_zones_are_refused(string? id)
    {
        ClinicTimeZones.IsValid(id).ShouldBeFalse();
    }
}
