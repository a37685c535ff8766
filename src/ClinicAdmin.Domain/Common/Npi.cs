namespace ClinicAdmin.Domain.Common;

/// <summary>
/// National Provider Identifier: 10 digits, the last a Luhn check digit computed over the
/// prefix "80840" followed by the first nine digits (CMS NPI check-digit standard).
/// </summary>
public static class Npi
{
    /// <summary>Exactly ten ASCII digits (the check digit aside).</summary>
    public static bool HasShape(string? npi) => npi is { Length: 10 } && npi.All(char.IsAsciiDigit);

    public static bool IsValid(string? npi)
    {
        if (!HasShape(npi)) return false;
        return CheckDigit(npi[..9]) == npi[9] - '0';
    }

    /// <summary>The Luhn check digit for nine NPI digits.</summary>
    public static int CheckDigit(string firstNine)
    {
        var digits = "80840" + firstNine;
        var sum = 0;
        // Double every second digit from the right, starting with the rightmost (the check digit is appended after).
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    public static string Explain(string? npi) =>
        !HasShape(npi)
            ? "An NPI is exactly 10 digits."
            : "This NPI's check digit is wrong; please re-check the number.";
}
