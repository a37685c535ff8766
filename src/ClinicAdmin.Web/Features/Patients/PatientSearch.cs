using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Web.PageKit;

namespace ClinicAdmin.Web.Features.Patients;

/// <summary>
/// Turns what the front desk types into an index-friendly filter: a date of birth (ISO or the clinic's date style), an MRN
/// (with or without "MRN-", or its start), or a name ("last", "last, first" or "first last"), each a case-insensitive prefix.
/// </summary>
/// <remarks>
/// Case-insensitive prefix search without a lower-case column: the B-tree index on (LastName, FirstName) is ordered
/// by code point, so "smi" is answered by one index range per spelling of its first letters ([Smi, Smj), [smi, smj),
/// [SMi, SMj) …). Up to <see cref="CasedLettersInRanges"/> letters are varied (at most 16 ranges); any rest of the
/// prefix is compared lower-cased on the few rows the ranges found. On PostgreSQL with a linguistic collation a range
/// can hold extra rows, so there the whole prefix is also compared lower-cased.
/// </remarks>
public static class PatientSearch
{
    public const int CasedLettersInRanges = 4;
    private const int MaxNameTokens = 4;

    public enum Kind { All, Name, DateOfBirth, Mrn, Invalid }

    public sealed record Parsed(Kind Kind, Expression<Func<Patient, bool>>? Filter, string Description);

    public static Parsed Parse(string? q, bool postgres)
    {
        var text = (q ?? "").Trim();
        if (text.Length == 0) return new(Kind.All, null, "All patients");
        // The clinic's style decides whether 07/12/2026 is July or December; ISO is understood in every style.
        if (RecordText.ParseDate(text) is { } dob)
            return new(Kind.DateOfBirth, p => p.DateOfBirth == dob, $"Born {RecordText.Date(dob)}");
        if (MedicalRecordNumber.SearchPrefix(text) is { } mrn)
        {
            // MRNs are issued upper-case ASCII, so one range is exact on every collation.
            var lo = Param(mrn); var hi = Param(Increment(mrn));
            return new(Kind.Mrn, p => string.Compare(p.Mrn, lo.Value) >= 0 && string.Compare(p.Mrn, hi.Value) < 0, $"MRN starting {mrn}");
        }
        if (text.Any(char.IsAsciiDigit))
            return new(Kind.Invalid, null, $"Type a name, a date of birth as {RecordText.DatePattern}, or an MRN.");

        var x = Expression.Parameter(typeof(Patient), "p");
        Expression last = Expression.Property(x, nameof(Patient.LastName)), first = Expression.Property(x, nameof(Patient.FirstName));
        Expression body;
        string description;
        var comma = text.IndexOf(',');
        if (comma >= 0)
        {
            var l = text[..comma].Trim(); var f = text[(comma + 1)..].Trim();
            if (l.Length == 0) return new(Kind.Invalid, null, "Type the last name before the comma.");
            body = StartsWith(last, l, postgres);
            if (f.Length > 0) body = Expression.AndAlso(body, StartsWith(first, f, postgres));
            description = f.Length > 0 ? $"Last name “{l}…”, first name “{f}…”" : $"Last name “{l}…”";
        }
        else
        {
            var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 1)
            {
                body = StartsWith(last, tokens[0], postgres);
                description = $"Last name “{tokens[0]}…”";
            }
            else
            {
                // "first last": every split point, so "Mary Ann Smith" and "Juan de la Cruz" are both found.
                tokens = tokens.Length > MaxNameTokens ? [.. tokens[..(MaxNameTokens - 1)], string.Join(' ', tokens[(MaxNameTokens - 1)..])] : tokens;
                body = null!;
                for (var k = 1; k < tokens.Length; k++)
                {
                    var alt = Expression.AndAlso(StartsWith(last, string.Join(' ', tokens[k..]), postgres), StartsWith(first, string.Join(' ', tokens[..k]), postgres));
                    body = body is null ? alt : Expression.OrElse(body, alt);
                }
                description = $"Name “{text}…”";
            }
        }
        return new(Kind.Name, Expression.Lambda<Func<Patient, bool>>(body, x), description);
    }

    /// <summary>column starts with prefix, ignoring case, as index ranges (see the remarks on the class).</summary>
    public static Expression StartsWith(Expression column, string prefix, bool postgres)
    {
        var cut = 0; var cased = 0;
        while (cut < prefix.Length && cased < CasedLettersInRanges)
        {
            if (HasCase(prefix[cut])) cased++;
            cut++;
        }
        Expression? ranges = null;
        foreach (var spelling in Spellings(prefix[..cut]))
        {
            var lo = Param(spelling); var hi = Param(Increment(spelling));
            var range = Expression.AndAlso(
                Expression.GreaterThanOrEqual(Compare(column, lo), Expression.Constant(0)),
                Expression.LessThan(Compare(column, hi), Expression.Constant(0)));
            ranges = ranges is null ? range : Expression.OrElse(ranges, range);
        }
        var body = ranges!;
        if (postgres)
            body = Expression.AndAlso(body, LowerStartsWith(column, prefix));
        else if (cut < prefix.Length)
            body = Expression.AndAlso(body, LowerStartsWith(Expression.Call(column, nameof(string.Substring), null, Expression.Constant(cut)), prefix[cut..]));
        return body;
    }

    private static Expression LowerStartsWith(Expression column, string prefix) =>
        Expression.Call(Expression.Call(column, nameof(string.ToLower), null), typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!,
            ParamValue(prefix.ToLowerInvariant()));

    private static Expression Compare(Expression column, StrongBox<string> value) =>
        Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, column, ParamValue(value));

    /// <summary>A value EF sends as a parameter (one cached plan for every search), not as an inline literal.</summary>
    private static StrongBox<string> Param(string value) => new(value);
    private static Expression ParamValue(StrongBox<string> box) => Expression.Field(Expression.Constant(box), nameof(StrongBox<string>.Value));
    private static Expression ParamValue(string value) => ParamValue(Param(value));

    private static bool HasCase(char c) => char.ToUpperInvariant(c) != char.ToLowerInvariant(c);

    /// <summary>Every upper/lower spelling of the text (2^letters).</summary>
    public static IEnumerable<string> Spellings(string text)
    {
        IEnumerable<string> acc = [""];
        foreach (var c in text)
        {
            var forms = HasCase(c) ? new[] { char.ToUpperInvariant(c), char.ToLowerInvariant(c) } : [c];
            acc = acc.SelectMany(a => forms.Select(f => a + f)).ToList();
        }
        return acc;
    }

    /// <summary>The smallest string after every string that starts with <paramref name="prefix"/> (last character + 1).</summary>
    public static string Increment(string prefix) =>
        prefix.Length == 0 ? "\uffff" : prefix[^1] == char.MaxValue ? prefix + "\uffff" : prefix[..^1] + (char)(prefix[^1] + 1);
}
