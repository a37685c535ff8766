using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Tests.Support;
using ClinicAdmin.Domain.Visits;

namespace ClinicAdmin.Domain.Tests.Catalog;

[Trait("Category", "Unit")]
public class ServicePriceTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);
    private static readonly DateTime NowUtc = new(2025, 6, 15, 14, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly OldPriceFrom = new(2025, 1, 1);

    /// <summary>An IV infusion priced $399 since 1 January (seeded history).</summary>
    private static Service Infusion()
    {
        var s = new Service { Name = "IV ketamine infusion", BillingCode = "96365", Category = ServiceCategory.Infusion };
        s.AddHistoricalPrice(399m, OldPriceFrom, "seed", "opening price", NowUtc.AddMonths(-6));
        return s;
    }

    /// <summary>Asserts the rule refused the call and named the field a page would mark.</summary>
    private static DomainException Refused(Action act, string field)
    {
        var ex = Should.Throw<DomainException>(act);
        ex.Field.ShouldBe(field);
        return ex;
    }

    private static decimal Dec(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    // ---- PriceProblems ---------------------------------------------------------------------

    [Fact]
    public void PriceProblems_reports_the_amount_and_the_date_together_and_either_alone()
    {
        var s = Infusion();
        s.PriceProblems(-5m, Today.AddDays(-1), Today).ShouldBe(
            [("Amount", "A price cannot be negative."), ("EffectiveFrom", "A new price cannot take effect in the past: past visits keep the price of their date.")]);
        s.PriceProblems(12.345m, null, Today).Select(p => p.Field).ShouldBe(["Amount"]);
        s.PriceProblems(null, Today.AddDays(-1), Today).Select(p => p.Field).ShouldBe(["EffectiveFrom"]);
        s.PriceProblems(425m, Today.AddDays(7), Today).ShouldBeEmpty();
        s.SetPrice(425m, Today.AddDays(7), Today, "pm", "review", NowUtc);
        s.PriceProblems(430m, Today.AddDays(7), Today).Single().Message.ShouldContain("already scheduled");
    }

    // ---- PriceOn ---------------------------------------------------------------------------

    [Fact]
    public void PriceOn_returns_the_price_in_force_on_each_date()
    {
        var s = new Service { Name = "Consultation" };
        s.AddHistoricalPrice(350m, new DateOnly(2024, 1, 1), "seed", null, NowUtc);
        s.AddHistoricalPrice(399m, new DateOnly(2025, 1, 1), "seed", null, NowUtc);

        s.PriceOn(new DateOnly(2023, 12, 31)).ShouldBeNull();
        s.PriceOn(new DateOnly(2024, 1, 1))!.Amount.ShouldBe(350m);
        s.PriceOn(new DateOnly(2024, 12, 31))!.Amount.ShouldBe(350m);
        s.PriceOn(new DateOnly(2025, 1, 1))!.Amount.ShouldBe(399m);
        s.PriceOn(new DateOnly(2030, 1, 1))!.Amount.ShouldBe(399m);
    }

    [Fact]
    public void PriceOn_does_not_depend_on_the_order_prices_were_added()
    {
        var s = new Service { Name = "Consultation" };
        s.AddHistoricalPrice(399m, new DateOnly(2025, 1, 1), "seed", null, NowUtc);
        s.AddHistoricalPrice(350m, new DateOnly(2024, 1, 1), "seed", null, NowUtc);

        s.PriceOn(new DateOnly(2024, 6, 1))!.Amount.ShouldBe(350m);
        s.PriceOn(new DateOnly(2025, 6, 1))!.Amount.ShouldBe(399m);
    }

    [Fact]
    public void A_service_without_prices_has_no_price_on_any_date()
    {
        new Service().PriceOn(Today).ShouldBeNull();
    }

    [Fact]
    public void Two_historical_prices_on_one_date_resolve_to_the_one_set_last()
    {
        var s = new Service();
        s.AddHistoricalPrice(100m, OldPriceFrom, "import", null, NowUtc.AddHours(-2));
        s.AddHistoricalPrice(120m, OldPriceFrom, "import", "corrected", NowUtc.AddHours(-1));

        s.PriceOn(OldPriceFrom)!.Amount.ShouldBe(120m);
    }

    [Fact]
    public void AddHistoricalPrice_accepts_a_date_in_the_past()
    {
        var s = new Service();
        var p = s.AddHistoricalPrice(90m, new DateOnly(2020, 3, 1), "import", "pharmacy list", NowUtc);

        s.Prices.ShouldContain(p);
        s.PriceOn(new DateOnly(2020, 3, 1)).ShouldBeSameAs(p);
    }

    // ---- Changing a price never rewrites the past -------------------------------------------

    [Fact]
    public void Changing_a_price_keeps_past_visits_at_their_old_price()
    {
        var s = Infusion();
        var pastVisitDate = Today.AddDays(-5);
        var visit = new Visit();
        var line = visit.Charge(s, pastVisitDate);

        s.SetPrice(450m, Today.AddDays(1), Today, "manager", "new supplier cost", NowUtc);

        s.PriceOn(pastVisitDate)!.Amount.ShouldBe(399m);
        line.UnitPrice.ShouldBe(399m);
        visit.TotalCharge.ShouldBe(399m);
        new Visit().Charge(s, pastVisitDate).Amount.ShouldBe(399m); // re-pricing the past date still gives the old price
        new Visit().Charge(s, Today.AddDays(1)).Amount.ShouldBe(450m);
    }

    [Fact]
    public void A_price_effective_today_leaves_yesterday_at_the_old_price()
    {
        var s = Infusion();

        s.SetPrice(420m, Today, Today, "manager", null, NowUtc);

        s.PriceOn(Today.AddDays(-1))!.Amount.ShouldBe(399m);
        s.PriceOn(Today)!.Amount.ShouldBe(420m);
    }

    [Fact]
    public void SetPrice_records_who_set_it_when_and_why()
    {
        var s = Infusion();

        var p = s.SetPrice(425.50m, Today.AddDays(10), Today, "manager@clinic", "annual review", NowUtc);

        p.Amount.ShouldBe(425.50m);
        p.EffectiveFrom.ShouldBe(Today.AddDays(10));
        p.SetBy.ShouldBe("manager@clinic");
        p.Reason.ShouldBe("annual review");
        p.SetAt.ShouldBe(NowUtc);
        p.CancelledAt.ShouldBeNull();
        s.Prices.ShouldContain(p);
    }

    [Fact]
    public void The_first_price_of_a_new_service_can_start_today()
    {
        var s = new Service { Name = "NAD+ infusion", Category = ServiceCategory.AddOnTherapy };

        s.SetPrice(250m, Today, Today, "manager", null, NowUtc);

        s.PriceOn(Today)!.Amount.ShouldBe(250m);
        s.PriceOn(Today.AddDays(-1)).ShouldBeNull();
    }

    // ---- Scheduling future changes ----------------------------------------------------------

    [Fact]
    public void A_future_change_does_not_apply_until_its_date()
    {
        var s = Infusion();
        var from = new DateOnly(2025, 7, 1);

        s.SetPrice(450m, from, Today, "manager", null, NowUtc);

        s.PriceOn(Today)!.Amount.ShouldBe(399m);
        s.PriceOn(from.AddDays(-1))!.Amount.ShouldBe(399m);
        s.PriceOn(from)!.Amount.ShouldBe(450m);
    }

    [Fact]
    public void A_scheduled_change_is_pending_until_it_takes_effect()
    {
        var s = Infusion();
        var from = new DateOnly(2025, 7, 1);
        var p = s.SetPrice(450m, from, Today, "manager", null, NowUtc);

        s.PendingOn(Today).ShouldBe([p]);
        s.PendingOn(from.AddDays(-1)).ShouldBe([p]);
        s.PendingOn(from).ShouldBeEmpty();
    }

    [Fact]
    public void Pending_changes_are_listed_in_date_order_and_exclude_prices_in_force()
    {
        var s = Infusion();
        var august = s.SetPrice(475m, new DateOnly(2025, 8, 1), Today, "manager", null, NowUtc);
        var july = s.SetPrice(450m, new DateOnly(2025, 7, 1), Today, "manager", null, NowUtc);
        s.SetPrice(410m, Today, Today, "manager", null, NowUtc);

        s.PendingOn(Today).ShouldBe([july, august]);
    }

    [Fact]
    public void Several_scheduled_changes_each_apply_in_their_own_period()
    {
        var s = Infusion();
        s.SetPrice(475m, new DateOnly(2025, 8, 1), Today, "manager", null, NowUtc);
        s.SetPrice(450m, new DateOnly(2025, 7, 1), Today, "manager", null, NowUtc);

        s.PriceOn(new DateOnly(2025, 6, 30))!.Amount.ShouldBe(399m);
        s.PriceOn(new DateOnly(2025, 7, 31))!.Amount.ShouldBe(450m);
        s.PriceOn(new DateOnly(2025, 8, 1))!.Amount.ShouldBe(475m);
    }

    // ---- Amount rules -----------------------------------------------------------------------

    [Theory]
    [InlineData("-0.01")]
    [InlineData("-1")]
    [InlineData("-399")]
    public void A_negative_price_is_refused(string amount)
    {
        var s = Infusion();
        Refused(() => s.SetPrice(Dec(amount), Today.AddDays(1), Today, "m", null, NowUtc), "Amount")
            .Message.ShouldContain("negative");
        s.Prices.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("100000.01")]
    [InlineData("100001")]
    [InlineData("3990000")]   // a typo of $399 with extra zeros
    public void A_price_above_the_maximum_is_refused(string amount)
    {
        var s = Infusion();
        Refused(() => s.SetPrice(Dec(amount), Today.AddDays(1), Today, "m", null, NowUtc), "Amount");
        s.Prices.Count.ShouldBe(1);
    }

    [Fact]
    public void The_maximum_price_itself_is_accepted()
    {
        var s = Infusion();
        s.SetPrice(Money.MaxPrice, Today.AddDays(1), Today, "m", null, NowUtc).Amount.ShouldBe(Money.MaxPrice);
    }

    [Theory]
    [InlineData("399.999")]
    [InlineData("399.005")]
    [InlineData("0.001")]
    [InlineData("12.3456")]
    public void A_price_with_fractions_of_a_cent_is_refused(string amount)
    {
        var s = Infusion();
        Refused(() => s.SetPrice(Dec(amount), Today.AddDays(1), Today, "m", null, NowUtc), "Amount")
            .Message.ShouldContain("cents");
        s.Prices.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("0.01")]
    [InlineData("92.50")]
    [InlineData("399")]
    [InlineData("399.10")]
    [InlineData("99999.99")]
    public void Whole_cent_prices_are_accepted(string amount)
    {
        var value = Dec(amount);
        var s = Infusion();
        s.SetPrice(value, Today.AddDays(1), Today, "m", null, NowUtc);
        s.PriceOn(Today.AddDays(1))!.Amount.ShouldBe(value);
    }

    // ---- Date rules -------------------------------------------------------------------------

    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    [InlineData(400)]
    public void A_new_price_cannot_take_effect_in_the_past(int daysAgo)
    {
        var s = Infusion();
        var date = Today.AddDays(-daysAgo);
        var before = s.PriceOn(date); // 400 days ago the service had no price yet

        Refused(() => s.SetPrice(450m, date, Today, "m", null, NowUtc), "EffectiveFrom")
            .Message.ShouldContain("past");
        s.PriceOn(date).ShouldBeSameAs(before);
        s.Prices.Count.ShouldBe(1);
    }

    [Fact]
    public void A_date_before_the_current_price_is_refused()
    {
        // Current price started today; any earlier date would slot a price in front of it.
        var s = new Service();
        s.SetPrice(399m, Today, Today, "m", null, NowUtc);

        Refused(() => s.SetPrice(450m, Today.AddDays(-1), Today, "m", null, NowUtc), "EffectiveFrom");
        Refused(() => s.SetPrice(450m, OldPriceFrom, Today, "m", null, NowUtc), "EffectiveFrom");
        s.Prices.Count.ShouldBe(1);
    }

    [Fact]
    public void A_second_change_scheduled_for_the_same_date_is_refused()
    {
        var s = Infusion();
        var from = Today.AddDays(10);
        s.SetPrice(450m, from, Today, "m", null, NowUtc);

        Refused(() => s.SetPrice(460m, from, Today, "m", null, NowUtc), "EffectiveFrom")
            .Message.ShouldContain("already scheduled");
        s.PriceOn(from)!.Amount.ShouldBe(450m);
    }

    [Fact]
    public void A_second_price_for_today_is_refused_because_todays_visits_may_use_the_first()
    {
        var s = Infusion();
        s.SetPrice(420m, Today, Today, "m", null, NowUtc);

        Refused(() => s.SetPrice(430m, Today, Today, "m", null, NowUtc), "EffectiveFrom")
            .Message.ShouldContain("tomorrow");
        s.PriceOn(Today)!.Amount.ShouldBe(420m);
    }

    [Fact]
    public void A_date_freed_by_cancelling_can_be_scheduled_again()
    {
        var s = Infusion();
        var from = Today.AddDays(10);
        s.SetPrice(450m, from, Today, "m", null, NowUtc).WithId(2);
        s.CancelPrice(2, Today, "m", NowUtc);

        s.SetPrice(440m, from, Today, "m", null, NowUtc);

        s.PriceOn(from)!.Amount.ShouldBe(440m);
    }

    // ---- Cancelling -------------------------------------------------------------------------

    [Fact]
    public void Cancelling_a_future_change_keeps_the_current_price_and_records_who_cancelled()
    {
        var s = Infusion();
        var from = Today.AddDays(10);
        var p = s.SetPrice(450m, from, Today, "manager", null, NowUtc).WithId(7);

        s.CancelPrice(7, Today, "director", NowUtc.AddMinutes(5));

        p.CancelledAt.ShouldBe(NowUtc.AddMinutes(5));
        p.CancelledBy.ShouldBe("director");
        s.PriceOn(from)!.Amount.ShouldBe(399m);
        s.PendingOn(Today).ShouldBeEmpty();
        s.Prices.ShouldContain(p); // history is kept, marked cancelled
    }

    [Fact]
    public void Cancelling_one_of_several_pending_changes_leaves_the_others()
    {
        var s = Infusion();
        s.Prices[0].WithId(1);
        var july = s.SetPrice(450m, new DateOnly(2025, 7, 1), Today, "m", null, NowUtc).WithId(2);
        var august = s.SetPrice(475m, new DateOnly(2025, 8, 1), Today, "m", null, NowUtc).WithId(3);

        s.CancelPrice(2, Today, "m", NowUtc);

        s.PendingOn(Today).ShouldBe([august]);
        july.CancelledAt.ShouldNotBeNull();
        s.PriceOn(new DateOnly(2025, 7, 15))!.Amount.ShouldBe(399m);
        s.PriceOn(new DateOnly(2025, 8, 1))!.Amount.ShouldBe(475m);
    }

    [Fact]
    public void A_price_in_force_cannot_be_cancelled()
    {
        var s = Infusion();
        var current = s.Prices[0].WithId(1);

        Refused(() => s.CancelPrice(1, Today, "m", NowUtc), "")
            .Message.ShouldContain("history");
        current.CancelledAt.ShouldBeNull();
        s.PriceOn(Today)!.Amount.ShouldBe(399m);
    }

    [Fact]
    public void A_price_that_took_effect_today_cannot_be_cancelled()
    {
        var s = Infusion();
        var p = s.SetPrice(420m, Today, Today, "m", null, NowUtc).WithId(5);

        Refused(() => s.CancelPrice(5, Today, "m", NowUtc), "");
        p.CancelledAt.ShouldBeNull();
    }

    [Fact]
    public void A_scheduled_change_cannot_be_cancelled_once_its_date_has_come()
    {
        var s = Infusion();
        var from = Today.AddDays(3);
        var p = s.SetPrice(450m, from, Today, "m", null, NowUtc).WithId(9);

        Refused(() => s.CancelPrice(9, from, "m", NowUtc.AddDays(3)), "");
        Refused(() => s.CancelPrice(9, from.AddDays(1), "m", NowUtc.AddDays(4)), "");
        p.CancelledAt.ShouldBeNull();
    }

    [Fact]
    public void A_scheduled_change_can_be_cancelled_the_day_before_it_starts()
    {
        var s = Infusion();
        var from = Today.AddDays(3);
        var p = s.SetPrice(450m, from, Today, "m", null, NowUtc).WithId(9);

        s.CancelPrice(9, from.AddDays(-1), "m", NowUtc.AddDays(2));

        p.CancelledAt.ShouldBe(NowUtc.AddDays(2));
    }

    [Fact]
    public void A_change_cannot_be_cancelled_twice()
    {
        var s = Infusion();
        var p = s.SetPrice(450m, Today.AddDays(10), Today, "m", null, NowUtc).WithId(4);
        s.CancelPrice(4, Today, "first", NowUtc);

        Refused(() => s.CancelPrice(4, Today, "second", NowUtc.AddMinutes(1)), "")
            .Message.ShouldContain("already cancelled");
        p.CancelledBy.ShouldBe("first");
        p.CancelledAt.ShouldBe(NowUtc);
    }

    [Fact]
    public void Cancelling_an_unknown_price_is_refused()
    {
        var s = Infusion();
        s.Prices[0].WithId(1);

        Refused(() => s.CancelPrice(42, Today, "m", NowUtc), "")
            .Message.ShouldContain("No such price");
    }

    // ---- Category -------------------------------------------------------------------------

    [Theory]
    [InlineData(ServiceCategory.AddOnTherapy, true)]
    [InlineData(ServiceCategory.PreMedication, true)]
    [InlineData(ServiceCategory.Infusion, false)]
    [InlineData(ServiceCategory.ConsultationEvaluation, false)]
    [InlineData(ServiceCategory.Spravato, false)]
    [InlineData(ServiceCategory.Intramuscular, false)]
    [InlineData(ServiceCategory.HomeTherapy, false)]
    [InlineData(ServiceCategory.IntegrationTherapy, false)]
    public void Add_on_therapies_and_pre_medications_are_add_ons(ServiceCategory category, bool isAddOn)
    {
        new Service { Category = category }.IsAddOn.ShouldBe(isAddOn);
    }
}
