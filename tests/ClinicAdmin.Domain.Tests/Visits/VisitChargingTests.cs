using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Tests.Support;
using ClinicAdmin.Domain.Visits;

namespace ClinicAdmin.Domain.Tests.Visits;

/// <summary><see cref="Visit.ReviseCharges"/>: the lines follow the form, priced from the history of the visit's date.</summary>
[Trait("Category", "Unit")]
public class VisitChargingTests
{
    private static readonly DateTime NowUtc = new(2026, 6, 15, 17, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly March = new(2026, 3, 10), June = new(2026, 6, 15);

    /// <summary>An infusion that cost 399 until 31 May and 450 from 1 June.</summary>
    private static Service Infusion()
    {
        var s = new Service { Name = "IV ketamine infusion", BillingCode = "96365", Category = ServiceCategory.Infusion, DefaultUnits = 1 }.WithId(11);
        s.AddHistoricalPrice(399m, new DateOnly(2025, 1, 1), "seed", null, NowUtc.AddYears(-1));
        s.AddHistoricalPrice(450m, new DateOnly(2026, 6, 1), "seed", null, NowUtc.AddMonths(-1));
        return s;
    }

    private static Service Magnesium()
    {
        var s = new Service { Name = "Magnesium", BillingCode = "J3475", Category = ServiceCategory.AddOnTherapy, DefaultUnits = 1 }.WithId(12);
        s.AddHistoricalPrice(50m, new DateOnly(2025, 1, 1), "seed", null, NowUtc.AddYears(-1));
        return s;
    }

    [Fact]
    public void A_backdated_visit_is_charged_the_price_of_its_own_date_not_todays()
    {
        var visit = new Visit();

        visit.ReviseCharges(March, pricedOn: null, [new ChargeRequest(Infusion())]);

        visit.ChargeLines.Single().UnitPrice.ShouldBe(399m);
        visit.TotalCharge.ShouldBe(399m);
    }

    [Fact]
    public void Correcting_the_date_prices_every_line_again_from_the_new_date()
    {
        var infusion = Infusion();
        var visit = new Visit();
        visit.ReviseCharges(March, null, [new ChargeRequest(infusion, 2m)]);

        visit.ReviseCharges(June, pricedOn: March, [new ChargeRequest(infusion, 2m)]);

        var line = visit.ChargeLines.Single();
        (line.UnitPrice, line.Units, line.Amount).ShouldBe((450m, 2m, 900m));
    }

    [Fact]
    public void Changing_the_units_revises_the_line_and_keeps_its_price_snapshot()
    {
        var infusion = Infusion();
        var visit = new Visit();
        visit.ReviseCharges(March, null, [new ChargeRequest(infusion)]);
        var line = visit.ChargeLines.Single();

        // Same date: the line is kept (its snapshot of 399), only units and amount move.
        visit.ReviseCharges(March, pricedOn: March, [new ChargeRequest(infusion, 1.5m)]);

        visit.ChargeLines.Single().ShouldBeSameAs(line);
        (line.UnitPrice, line.Units, line.Amount).ShouldBe((399m, 1.5m, 598.5m));
    }

    [Fact]
    public void Add_ons_join_and_leave_and_only_add_ons_keep_a_detail()
    {
        var (infusion, magnesium) = (Infusion(), Magnesium());
        var visit = new Visit();

        visit.ReviseCharges(March, null, [new ChargeRequest(infusion, null, "ignored"), new ChargeRequest(magnesium, null, "  magnesium sulfate 1 g IV ")]);
        visit.ChargeLines.Select(l => (l.ServiceId, l.Detail)).ShouldBe([(11, (string?)null), (12, "magnesium sulfate 1 g IV")]);

        visit.ReviseCharges(March, March, [new ChargeRequest(infusion)]);
        visit.ChargeLines.Select(l => l.ServiceId).ShouldBe([11]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100.5")]
    [InlineData("0.001")] // stored with two decimals it became 0.00 units charged $0.40 (full hostile pass, PostgreSQL)
    [InlineData("1.125")]
    public void Units_out_of_range_are_refused_on_the_Units_field_and_nothing_changes(string units)
    {
        var infusion = Infusion();
        var visit = new Visit();
        visit.ReviseCharges(March, null, [new ChargeRequest(infusion)]);

        var ex = Should.Throw<DomainException>(() => visit.ReviseCharges(June, March,
            [new ChargeRequest(Magnesium()), new ChargeRequest(infusion, decimal.Parse(units, System.Globalization.CultureInfo.InvariantCulture))]));

        ex.Field.ShouldBe("Units");
        visit.ChargeLines.Select(l => (l.ServiceId, l.UnitPrice)).ShouldBe([(11, 399m)]);
    }

    [Fact]
    public void A_date_before_the_first_price_is_refused_on_the_Services_field()
    {
        var ex = Should.Throw<DomainException>(() => new Visit().ReviseCharges(new DateOnly(2024, 12, 31), null, [new ChargeRequest(Infusion())]));

        ex.Field.ShouldBe("Services");
        ex.Message.ShouldContain("2024-12-31");
    }

    [Fact]
    public void The_form_shows_the_price_the_charge_rule_will_bill_on_the_date()
    {
        var infusion = Infusion();
        var visit = new Visit();
        visit.Charge(infusion, March);
        // The line keeps its March snapshot while the date stays; another date prices from the history, as ReviseCharges does.
        visit.UnitPriceOn(infusion, March, pricedOn: March).ShouldBe(399m);
        visit.UnitPriceOn(infusion, June, pricedOn: March).ShouldBe(450m);
        new Visit().UnitPriceOn(infusion, March, pricedOn: null).ShouldBe(399m);
        new Visit().UnitPriceOn(infusion, new DateOnly(2024, 1, 1), pricedOn: null).ShouldBeNull();
        visit.ReviseCharges(June, March, [new ChargeRequest(infusion)]);
        visit.ChargeLines.Single().UnitPrice.ShouldBe(visit.UnitPriceOn(infusion, June, pricedOn: June)!.Value);
    }
}
