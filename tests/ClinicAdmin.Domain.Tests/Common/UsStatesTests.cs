using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Tests.Common;

[Trait("Category", "Unit")]
public class UsStatesTests
{
    [Theory]
    [InlineData("WI")]
    [InlineData("TX")]
    [InlineData("DC")]
    [InlineData("PR")]
    public void Codes_of_states_DC_and_territories_are_valid(string code) => UsStates.IsValid(code).ShouldBeTrue();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wi")]   // callers upper-case first; the rule itself is exact
    [InlineData("XX")]
    [InlineData("WIS")]
    [InlineData("W")]
    public void Anything_else_is_refused(string? code) => UsStates.IsValid(code).ShouldBeFalse();

    [Fact]
    public void There_are_50_states_plus_DC_plus_5_territories() => UsStates.Names.Count.ShouldBe(56);
}
