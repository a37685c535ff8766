using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Tests.Support;
using ClinicAdmin.Domain.Visits;

namespace ClinicAdmin.Domain.Tests.Visits;

[Trait("Category", "Unit")]
public class VisitTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);
    private static readonly DateTime NowUtc = new(2025, 6, 15, 14, 0, 0, DateTimeKind.Utc);

    private static Service Infusion()
    {
        var s = new Service
        {
            Name = "IV ketamine infusion", BillingCode = "96365", Modifiers = "25",
            Category = ServiceCategory.Infusion, DefaultUnits = 1,
        }.WithId(11);
        s.AddHistoricalPrice(399m, new DateOnly(2025, 1, 1), "seed", null, NowUtc);
        return s;
    }

    private static Service Ondansetron()
    {
        var s = new Service { Name = "Ondansetron", BillingCode = "J2405", Category = ServiceCategory.PreMedication, DefaultUnits = 4 }.WithId(12);
        s.AddHistoricalPrice(2.35m, new DateOnly(2025, 1, 1), "seed", null, NowUtc);
        return s;
    }

    // ---- Charge ---------------------------------------------------------------------------

    [Fact]
    public void Charge_copies_the_service_and_its_price_on_the_visit_date()
    {
        var s = Infusion();
        var visit = new Visit();

        var line = visit.Charge(s, Today, diagnosisPointers: "A,B");

        line.ServiceId.ShouldBe(11);
        line.Code.ShouldBe("96365");
        line.Modifiers.ShouldBe("25");
        line.Description.ShouldBe("IV ketamine infusion");
        line.Units.ShouldBe(1m);
        line.UnitPrice.ShouldBe(399m);
        line.Amount.ShouldBe(399m);
        line.IsAddOn.ShouldBeFalse();
        line.DiagnosisPointers.ShouldBe("A,B");
        visit.ChargeLines.ShouldBe([line]);
    }

    [Fact]
    public void Charge_points_at_the_first_diagnosis_by_default()
    {
        new Visit().Charge(Infusion(), Today).DiagnosisPointers.ShouldBe("A");
    }

    [Fact]
    public void Charge_uses_the_price_of_the_visit_date_not_of_today()
    {
        var s = Infusion();
        s.SetPrice(450m, Today, Today, "manager", null, NowUtc);

        new Visit().Charge(s, Today.AddDays(-1)).UnitPrice.ShouldBe(399m);
        new Visit().Charge(s, Today).UnitPrice.ShouldBe(450m);
    }

    [Fact]
    public void A_charge_line_is_a_snapshot_that_later_price_changes_do_not_touch()
    {
        var s = Infusion();
        var visit = new Visit();
        var visitDate = Today.AddDays(2);
        var line = visit.Charge(s, visitDate);
        var scheduled = s.SetPrice(475m, visitDate, Today, "manager", null, NowUtc);

        // The service now prices that date differently, but the line already billed does not move.
        s.PriceOn(visitDate).ShouldBeSameAs(scheduled);
        line.UnitPrice.ShouldBe(399m);
        line.Amount.ShouldBe(399m);
        visit.TotalCharge.ShouldBe(399m);
    }

    [Fact]
    public void Charge_uses_the_service_default_units_when_none_are_given()
    {
        var line = new Visit().Charge(Ondansetron(), Today);

        line.Units.ShouldBe(4m);
        line.Amount.ShouldBe(Money.LineTotal(2.35m, 4m));
        line.Amount.ShouldBe(9.40m);
        line.IsAddOn.ShouldBeTrue();
    }

    [Theory]
    [InlineData("2", "798")]
    [InlineData("1.5", "598.5")]
    [InlineData("0.25", "99.75")]
    [InlineData("100", "39900")]
    public void Charge_multiplies_the_unit_price_by_the_units(string units, string expected)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var line = new Visit().Charge(Infusion(), Today, decimal.Parse(units, inv));

        line.Units.ShouldBe(decimal.Parse(units, inv));
        line.Amount.ShouldBe(decimal.Parse(expected, inv));
    }

    [Fact]
    public void Charge_rounds_a_line_to_cents_half_away_from_zero()
    {
        var s = new Service { Name = "Vitamin B12" };
        s.AddHistoricalPrice(33.33m, new DateOnly(2025, 1, 1), "seed", null, NowUtc);

        new Visit().Charge(s, Today, 0.5m).Amount.ShouldBe(16.67m); // 16.665
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("100.01")]
    [InlineData("1000")]
    public void Units_outside_0_to_100_are_refused(string units)
    {
        var visit = new Visit();

        var ex = Should.Throw<DomainException>(() => visit.Charge(Infusion(), Today, decimal.Parse(units, System.Globalization.CultureInfo.InvariantCulture)));

        ex.Field.ShouldBe("Units");
        visit.ChargeLines.ShouldBeEmpty();
    }

    [Fact]
    public void A_service_with_no_price_on_the_visit_date_cannot_be_charged()
    {
        var visit = new Visit();

        var ex = Should.Throw<DomainException>(() => visit.Charge(Infusion(), new DateOnly(2024, 12, 31)));

        ex.Field.ShouldBe("Services");
        ex.Message.ShouldContain("2024-12-31");
        visit.ChargeLines.ShouldBeEmpty();
    }

    [Fact]
    public void A_cancelled_future_price_is_not_charged()
    {
        var s = Infusion();
        var from = Today.AddDays(7);
        s.SetPrice(450m, from, Today, "manager", null, NowUtc).WithId(2);
        s.CancelPrice(2, Today, "manager", NowUtc);

        new Visit().Charge(s, from).UnitPrice.ShouldBe(399m);
    }

    [Fact]
    public void Total_charge_is_the_sum_of_the_lines()
    {
        var visit = new Visit();
        var a = visit.Charge(Infusion(), Today);
        var b = visit.Charge(Ondansetron(), Today);

        visit.TotalCharge.ShouldBe(a.Amount + b.Amount);
        visit.TotalCharge.ShouldBe(408.40m);
        new Visit().TotalCharge.ShouldBe(0m);
    }

    // ---- Dose per kg ----------------------------------------------------------------------

    [Theory]
    [InlineData("35", "70", "0.5")]
    [InlineData("56", "70", "0.8")]
    [InlineData("40", "75", "0.533")]    // 0.5333…
    [InlineData("50", "60", "0.833")]    // 0.8333…
    [InlineData("100", "90", "1.111")]
    public void DoseMgPerKg_is_dose_over_weight_to_three_decimals(string doseMg, string weightKg, string expected)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var v = new Visit { DoseMg = decimal.Parse(doseMg, inv), WeightKg = decimal.Parse(weightKg, inv) };

        v.DoseMgPerKg.ShouldBe(decimal.Parse(expected, inv));
    }

    [Theory]
    [InlineData(null, "70")]
    [InlineData("35", null)]
    [InlineData("35", "0")]
    [InlineData("35", "-70")]
    public void DoseMgPerKg_is_unknown_without_a_dose_or_a_positive_weight(string? doseMg, string? weightKg)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var v = new Visit
        {
            DoseMg = doseMg is null ? null : decimal.Parse(doseMg, inv),
            WeightKg = weightKg is null ? null : decimal.Parse(weightKg, inv),
        };

        v.DoseMgPerKg.ShouldBeNull();
    }

    // ---- Vitals ---------------------------------------------------------------------------

    [Fact]
    public void Vital_signs_are_empty_until_one_is_recorded()
    {
        new VitalSigns().IsEmpty.ShouldBeTrue();
        new VitalSigns { Systolic = 128 }.IsEmpty.ShouldBeFalse();
        new VitalSigns { Diastolic = 82 }.IsEmpty.ShouldBeFalse();
        new VitalSigns { HeartRate = 70 }.IsEmpty.ShouldBeFalse();
        new VitalSigns { SpO2 = 97 }.IsEmpty.ShouldBeFalse();
    }

    [Fact]
    public void Each_new_visit_gets_its_own_submission_key()
    {
        new Visit().SubmissionKey.ShouldNotBe(new Visit().SubmissionKey);
    }
}
