namespace ClinicAdmin.Domain.Common;

/// <summary>The one place money is rounded: to cents, half away from zero (how a receipt is read).</summary>
public static class Money
{
    public const decimal MaxPrice = 100_000m;

    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    public static decimal LineTotal(decimal unitPrice, decimal units) => Round(unitPrice * units);
}
