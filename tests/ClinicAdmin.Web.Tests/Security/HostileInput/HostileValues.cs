namespace ClinicAdmin.Web.Tests.Security.HostileInput;

/// <summary>What kind of control a form field is, from its HTML (decides which values are tried in the fast pass).</summary>
public enum FieldKind { Text, Number, Date, Select, Hidden, Checkbox, Radio, Password }

public sealed record HostileValue(string Name, string Value);

/// <summary>
/// Boundary and hostile values. The fast pass (tests/run.sh) tries the few that matter for each kind of field; the full
/// pass (<c>CLINICADMIN_HOSTILE=full</c>, tests/hostile-input.sh) tries every value on every field.
/// </summary>
public static class HostileValues
{
    public static bool Full => string.Equals(Environment.GetEnvironmentVariable("CLINICADMIN_HOSTILE"), "full", StringComparison.OrdinalIgnoreCase);

    /// <summary>Markers of the markup payloads: if one of these turns into a live element, a page executes input.</summary>
    public const string Marker = "hx";

    public static readonly HostileValue Empty = new("empty", "");
    public static readonly HostileValue Whitespace = new("whitespace", " \t  ");
    public static readonly HostileValue Long = new("10,000 characters", string.Concat(Enumerable.Repeat("Lorem ipsum ", 834))[..10_000]);
    public static readonly HostileValue Script = new("script", "O'Brien <script>alert('hx')</script>");
    public static readonly HostileValue Markup = new("markup", "\"><img src=x onerror=alert('hx')><svg onload=alert('hx')>' autofocus onfocus='alert(1)");
    /// <summary>The fast pass's one markup value: a closing quote, a script and an element with a handler.</summary>
    public static readonly HostileValue ScriptAndMarkup = new("script and markup", "O'Brien \"><script>alert('hx')</script><img src=x onerror=alert('hx')>");
    public static readonly HostileValue Unicode = new("Unicode (RTL, emoji, combining)", "\u202Eשרה כהן\u202C مريم 👩🏽‍⚕️🧪 Zoë Ame\u0301lie Z\u0334\u0321a\u0337");
    public static readonly HostileValue Sql = new("SQL", "Robert'); DROP TABLE \"Patients\";-- \\ %_");
    public static readonly HostileValue Formula = new("formula", "=HYPERLINK(\"http://evil.example\",\"x\")");
    public static readonly HostileValue Formula2 = new("formula (DDE)", "+cmd|' /C calc'!A0");
    public static readonly HostileValue Formula3 = new("formula (@)", "@SUM(1+1)*cmd|' /C calc'!A0");
    public static readonly HostileValue Negative = new("negative", "-1");
    public static readonly HostileValue MinusZero = new("-0", "-0");
    public static readonly HostileValue HugeNegative = new("huge negative", "-99999999999999999999999999999999");
    public static readonly HostileValue Huge = new("huge (beyond decimal)", "79228162514264337593543950336");
    public static readonly HostileValue Exponent = new("1e308", "1e308");
    public static readonly HostileValue NaN = new("NaN", "NaN");
    public static readonly HostileValue Infinity = new("Infinity", "Infinity");
    public static readonly HostileValue IntOverflow = new("int overflow", "2147483648");
    public static readonly HostileValue Tiny = new("0.001", "0.001");
    public static readonly HostileValue Feb30 = new("30 February", "2026-02-30");
    public static readonly HostileValue Year1 = new("year 1", "0001-01-01");
    public static readonly HostileValue Year9999 = new("year 9999", "9999-12-31");
    public static readonly HostileValue Year9999Time = new("year 9999 (date-time)", "9999-12-31T23:59");
    public static readonly HostileValue BadTime = new("25:61", "25:61");
    public static readonly HostileValue LocalDate = new("d/m/y", "31/12/2026");
    public static readonly HostileValue Control = new("control characters", "a\u0007\u001b[31mb\u0008\u200B\uFEFF");
    public static readonly HostileValue Nul = new("NUL", "a\0b");
    public static readonly HostileValue LoneSurrogateSafe = new("astral + ZWJ", "𝕏\u200D𝕐");

    public static readonly HostileValue[] All =
    [
        Empty, Whitespace, Long, Script, Markup, ScriptAndMarkup, Unicode, Sql, Formula, Formula2, Formula3, Negative, MinusZero, HugeNegative, Huge, Exponent,
        NaN, Infinity, IntOverflow, Tiny, Feb30, Year1, Year9999, Year9999Time, BadTime, LocalDate, Control, Nul, LoneSurrogateSafe,
    ];

    /// <summary>The values tried on one field.</summary>
    public static IReadOnlyList<HostileValue> For(FieldKind kind)
    {
        if (Full) return kind == FieldKind.Checkbox ? [.. All, new("not a boolean", "maybe")] : All;
        return kind switch
        {
            FieldKind.Text => [Empty, Whitespace, Long, ScriptAndMarkup, Unicode, Sql, Formula, Nul], // NUL: PostgreSQL refuses it in text
            FieldKind.Password => [Empty, Long, Sql],
            FieldKind.Number => [Empty, Negative, NaN, Exponent, Huge, Tiny],
            FieldKind.Date => [Empty, Feb30, Year1, Year9999, Year9999Time],
            FieldKind.Select => [Empty, IntOverflow, Script, Long],
            FieldKind.Hidden => [Empty, Negative, Markup],
            FieldKind.Radio => [IntOverflow, Script],
            FieldKind.Checkbox => [new("not a boolean", "maybe")],
            _ => [],
        };
    }

    /// <summary>Values whose markup must never come back as a live element.</summary>
    public static bool CarriesMarkup(string value) => value.Contains('<') || value.Contains('"') || value.Contains('\'');
}
