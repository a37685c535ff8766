using System.Text;

namespace ClinicAdmin.Reports.Spreadsheets;

/// <summary>
/// Text a user typed must never become a formula in a workbook. Cells are written as text, and
/// text that a spreadsheet would read as a formula (=, +, -, @, tab, CR) gets a leading apostrophe
/// so it also stays text when a reader re-types or imports it as CSV (OWASP CSV injection advice).
/// </summary>
public static class SafeText
{
    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>Excel's limit for the text of one cell.</summary>
    public const int MaxCellLength = 32_767;

    public static bool LooksLikeFormula(string? text) => !string.IsNullOrEmpty(text) && Triggers.Contains(text[0]);

    public static string Neutralize(string? text) => text is null ? "" : LooksLikeFormula(text) ? "'" + text : text;

    /// <summary>
    /// Text ready for a cell: characters XML 1.0 cannot carry (control characters, lone surrogates)
    /// removed, neutralised against formula injection, and cut to Excel's 32,767-character limit.
    /// </summary>
    public static string ForCell(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var clean = RemoveInvalidXmlChars(text);
        var safe = Neutralize(clean);
        if (safe.Length <= MaxCellLength) return safe;
        var cut = char.IsHighSurrogate(safe[MaxCellLength - 1]) ? MaxCellLength - 1 : MaxCellLength;
        return safe[..cut];
    }

    /// <summary>Text with the characters XML 1.0 cannot carry removed (for document properties and other non-cell text).</summary>
    public static string ForXml(string? text) => string.IsNullOrEmpty(text) ? "" : RemoveInvalidXmlChars(text);

    private static string RemoveInvalidXmlChars(string text)
    {
        var firstBad = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsValidAt(text, i, out var width)) { firstBad = i; break; }
            i += width - 1;
        }
        if (firstBad < 0) return text;

        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            if (IsValidAt(text, i, out var width)) sb.Append(text, i, width);
            i += width - 1;
        }
        return sb.ToString();
    }

    /// <summary>XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF] (a surrogate pair).</summary>
    private static bool IsValidAt(string s, int i, out int width)
    {
        width = 1;
        var c = s[i];
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { width = 2; return true; }
            return false;
        }
        if (char.IsLowSurrogate(c)) return false;
        return c is '\t' or '\n' or '\r' or (>= '\u0020' and <= '\uFFFD');
    }
}
