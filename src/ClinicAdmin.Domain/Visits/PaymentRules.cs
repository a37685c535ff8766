using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Visits;

/// <summary>
/// Payments are append-only, like a ledger: a wrong payment is never edited or deleted but cancelled by a reversing
/// entry (the same amount, negative, with a reason), so the balance history and every printed receipt stay explainable.
/// </summary>
public static class PaymentRules
{
    public const decimal MaxAmount = 100_000m;
    public const int MaxReasonLength = 150;
    private const string ReversalPrefix = "Reversal of payment #";

    public static string? AmountProblem(decimal amount) =>
        amount <= 0 ? "The amount must be more than 0."
        : amount > MaxAmount ? $"An amount above {MaxAmount:N0} is not accepted; check the number."
        : Money.Round(amount) != amount ? "The amount has at most two decimals (cents)."
        : null;

    public static Payment Receive(int patientId, int? visitId, decimal amount, PaymentMethod method, DateTime receivedAtUtc, string? reference, string recordedBy)
    {
        if (AmountProblem(amount) is { } problem) throw new DomainException("Amount", problem);
        return new Payment
        {
            PatientId = patientId, VisitId = visitId, Amount = amount, Method = method, ReceivedAt = receivedAtUtc,
            Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim(), RecordedBy = recordedBy,
        };
    }

    /// <summary>The reversing entry for <paramref name="original"/>. <paramref name="ledger"/>: the patient's payments, to refuse a second reversal.</summary>
    public static Payment Reverse(Payment original, string reason, IEnumerable<Payment> ledger, DateTime nowUtc, string recordedBy)
    {
        if (IsReversal(original)) throw new DomainException("", "This entry is itself a reversal; record a new payment instead.");
        if (ledger.Any(p => ReversedId(p) == original.Id)) throw new DomainException("", $"Payment #{original.Id} was already reversed.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Reason", "Say why the payment is reversed (kept with the entry).");
        if (reason.Trim().Length > MaxReasonLength) throw new DomainException("Reason", $"The reason can be at most {MaxReasonLength} characters.");
        return new Payment
        {
            PatientId = original.PatientId, VisitId = original.VisitId, Amount = -original.Amount, Method = original.Method,
            ReceivedAt = nowUtc, Reference = $"{ReversalPrefix}{original.Id}: {reason.Trim()}", RecordedBy = recordedBy,
        };
    }

    public static bool IsReversal(Payment p) => ReversedId(p) is not null;

    /// <summary>The id of the payment this entry reverses, or null for an ordinary payment.</summary>
    public static int? ReversedId(Payment p)
    {
        if (p.Amount >= 0 || p.Reference is null || !p.Reference.StartsWith(ReversalPrefix, StringComparison.Ordinal)) return null;
        var rest = p.Reference[ReversalPrefix.Length..];
        var colon = rest.IndexOf(':');
        return int.TryParse(colon < 0 ? rest : rest[..colon], out var id) ? id : null;
    }

    /// <summary>Charges minus payments (reversals count negative): what the patient still owes; negative is a credit.</summary>
    public static decimal Balance(IEnumerable<decimal> charges, IEnumerable<decimal> payments) => Money.Round(charges.Sum() - payments.Sum());
}
