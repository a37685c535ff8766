namespace ClinicAdmin.Reports.Spreadsheets;

/// <summary>
/// Text a user typed must never become a formula in a workbook. Cells are written as text, and
/// text that a spreadsheet would read as a formula (=, +, -, @, tab, CR) gets a leading apostrophe
/// so it also stays text when a reader re-types or imports it as CSV (OWASP CSV injection advice).
/// </summary>
public static class SafeText
{
    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r'];

    public static bool LooksLikeFormula(string? text) => !string.IsNullOrEmpty(text) && Triggers.Contains(text[0]);

    public static string Neutralize(string? text) => text is null ? "" : LooksLikeFormula(text) ? "'" + text : text;
}
