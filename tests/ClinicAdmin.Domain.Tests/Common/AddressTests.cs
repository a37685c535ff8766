using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Tests.Common;

[Trait("Category", "Unit")]
public class AddressTests
{
    [Fact]
    public void An_address_prints_on_one_line_with_state_and_zip_together()
    {
        var a = new Address { Line1 = "100 Elm St", Line2 = "Suite 4", City = "Austin", State = "TX", PostalCode = "78701" };

        a.ToString().ShouldBe("100 Elm St, Suite 4, Austin, TX 78701");
    }

    [Fact]
    public void Empty_parts_are_left_out()
    {
        new Address { Line1 = "100 Elm St", Line2 = " ", City = "Austin", State = "TX" }.ToString().ShouldBe("100 Elm St, Austin, TX");
        new Address { Line1 = "100 Elm St", City = "Austin", PostalCode = "78701" }.ToString().ShouldBe("100 Elm St, Austin, 78701");
        new Address().ToString().ShouldBe("");
    }
}
