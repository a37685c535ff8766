using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Tests.Support;
using ClinicAdmin.Domain.Visits;

namespace ClinicAdmin.Domain.Tests.Visits;

[Trait("Category", "Unit")]
public class PaymentRulesTests
{
    private static readonly DateTime Now = new(2026, 6, 15, 17, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("0.01", null)]
    [InlineData("100000", null)]
    [InlineData("0", "more than 0")]
    [InlineData("-1", "more than 0")]
    [InlineData("100000.01", "100,000")]
    [InlineData("10.001", "cents")]
    public void Amounts_are_positive_cents_up_to_100000(string amount, string? problem)
    {
        var result = PaymentRules.AmountProblem(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));
        if (problem is null) result.ShouldBeNull(); else result!.ShouldContain(problem);
    }

    [Fact]
    public void Receiving_refuses_an_impossible_amount()
    {
        Should.Throw<DomainException>(() => PaymentRules.Receive(1, null, 0m, PaymentMethod.Cash, Now, null, "desk")).Field.ShouldBe("Amount");
        PaymentRules.Receive(1, 3, 399m, PaymentMethod.Card, Now, "  ref  ", "desk").Reference.ShouldBe("ref");
    }

    [Fact]
    public void A_reversal_is_the_negative_of_the_original_with_the_reason_and_points_back_at_it()
    {
        var original = PaymentRules.Receive(1, 3, 399m, PaymentMethod.CareCredit, Now.AddDays(-1), "auth 77", "desk").WithId(12);
        var reversal = PaymentRules.Reverse(original, " charged twice ", [original], Now, "desk");

        (reversal.PatientId, reversal.VisitId, reversal.Amount, reversal.Method, reversal.ReceivedAt).ShouldBe((1, (int?)3, -399m, PaymentMethod.CareCredit, Now));
        reversal.Reference.ShouldBe("Reversal of payment #12: charged twice");
        PaymentRules.ReversedId(reversal).ShouldBe(12);
        PaymentRules.IsReversal(original).ShouldBeFalse();
    }

    [Fact]
    public void A_payment_is_reversed_once_a_reversal_never_and_a_reason_is_required()
    {
        var original = PaymentRules.Receive(1, null, 50m, PaymentMethod.Cash, Now, null, "desk").WithId(5);
        var reversal = PaymentRules.Reverse(original, "wrong patient", [original], Now, "desk").WithId(6);
        Should.Throw<DomainException>(() => PaymentRules.Reverse(original, "again", [original, reversal], Now, "desk")).Message.ShouldContain("already reversed");
        Should.Throw<DomainException>(() => PaymentRules.Reverse(reversal, "undo", [original, reversal], Now, "desk")).Message.ShouldContain("itself a reversal");
        Should.Throw<DomainException>(() => PaymentRules.Reverse(original, " ", [original], Now, "desk")).Field.ShouldBe("Reason");
    }

    [Fact]
    public void The_balance_is_charges_minus_payments_with_reversals_counting_back()
    {
        PaymentRules.Balance([399m, 50m], [300m, 49.5m]).ShouldBe(99.5m);
        PaymentRules.Balance([399m], [399m, -399m]).ShouldBe(399m);
        PaymentRules.Balance([100m], [150m]).ShouldBe(-50m);
    }
}
