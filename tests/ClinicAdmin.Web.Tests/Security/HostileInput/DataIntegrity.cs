using System.Collections;
using System.Reflection;
using System.Text;
using ClinicAdmin.Data;
using ClinicAdmin.Data.Identity;
using ClinicAdmin.Domain.Assessments;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Clinic;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ClinicAdmin.Web.Tests.Security.HostileInput;

/// <summary>
/// Loads every row of every table of the EF model and says what is invalid about it: generic checks from the model
/// itself (a string longer than its column's max length, whitespace-only text, a date outside 1900–2100, a negative
/// amount) and the Domain's own rules for each entity (NPI, EIN, ICD-10, prices, vitals, dates...). A new entity is
/// covered by the generic checks without touching this class.
/// </summary>
public static class DataIntegrity
{
    private static readonly DateOnly Earliest = PlausibleDates.Earliest, Latest = PlausibleDates.Latest;
    // Text the app stores on purpose that is not user input (hashes, stamps, JSON of audit rows, file bytes).
    private static readonly string[] SkippedTables = ["DataProtectionKeys", "__EFMigrationsHistory"];
    // Negative amounts that are legitimate: a payment reversal is the original amount, negated.
    private static bool NegativeAllowed(object row, string property) => row is Payment p && property == nameof(Payment.Amount) && PaymentRules.IsReversal(p);

    /// <summary>Every problem, as "Table#id Property: what is wrong".</summary>
    public static async Task<List<string>> ProblemsAsync(ClinicDbContext db, DateTime nowUtc)
    {
        var problems = new List<string>();
        // Rows the app writes itself (the audit trail's JSON, generated files, job records) grow with every save and hold
        // no typed values: they are not re-read after every post.
        foreach (var (type, rows) in await LoadAllAsync(db, skip: ["AuditEntries", "Documents", "JobRuns"]))
            foreach (var row in rows)
            {
                var label = $"{type.GetTableName()}#{IdOf(type, row)}";
                foreach (var p in GenericProblems(type, row)) problems.Add($"{label} {p}");
                foreach (var p in DomainProblems(row, nowUtc)) problems.Add($"{label} {p}");
            }
        return problems;
    }

    // Rows background jobs write on their own schedule (a job queued by an earlier, accepted form may finish at any
    // moment): their changes are not the request's. Job runs are compared by what was requested only.
    private static readonly string[] WrittenByJobs = ["AuditEntries", "Documents", "GeneratedDocuments"];
    private static readonly string[] JobRunRequest = ["Id", "Kind", "RequestKey", "Parameters"];

    /// <summary>A text picture of the rows requests write (for "nothing changed" checks).</summary>
    public static async Task<string> FingerprintAsync(ClinicDbContext db)
    {
        var sb = new StringBuilder();
        foreach (var (type, rows) in await LoadAllAsync(db, skip: WrittenByJobs))
        {
            if (WrittenByJobs.Contains(type.GetTableName())) continue;
            sb.Append('[').Append(type.GetTableName()).Append(']').Append(rows.Count).Append('\n');
            foreach (var row in rows)
            {
                foreach (var (name, value) in Scalars(type, row).Where(s => row is not Domain.Jobs.JobRun || JobRunRequest.Contains(s.Name))) sb.Append(name).Append('=').Append(Show(value)).Append(';');
                sb.Append('\n');
            }
        }
        return sb.ToString();
    }

    private static string Show(object? v) => v switch
    {
        null => "∅",
        byte[] b => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(b)),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    private static async Task<List<(IEntityType Type, List<object> Rows)>> LoadAllAsync(ClinicDbContext db, string[]? skip = null)
    {
        db.ChangeTracker.Clear();
        var result = new List<(IEntityType, List<object>)>();
        var set = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;
        foreach (var type in db.Model.GetEntityTypes().Where(t => !t.IsOwned() && t.GetTableName() is { } n && !SkippedTables.Contains(n) && !(skip ?? []).Contains(n) && !t.HasSharedClrType)
                     .OrderBy(t => t.GetTableName()))
        {
            var query = (IQueryable<object>)set.MakeGenericMethod(type.ClrType).Invoke(db, null)!;
            var rows = await query.AsNoTracking().ToListAsync();
            // Same order on every load, whatever the database returns first.
            rows = rows.OrderBy(r => Show(IdOf(type, r)), StringComparer.Ordinal).ToList();
            result.Add((type, rows));
        }
        return result;
    }

    private static object? IdOf(IEntityType type, object row) =>
        type.FindPrimaryKey() is { } key ? string.Join(",", key.Properties.Select(p => Show(Get(p, row)))) : "?";

    private static object? Get(IProperty p, object row) =>
        p.PropertyInfo?.GetValue(row) ?? p.FieldInfo?.GetValue(row);

    /// <summary>Scalar properties of the row and of its owned values (Address, VitalSigns), by dotted name.</summary>
    private static IEnumerable<(string Name, object? Value, IProperty Property)> ScalarsWithMetadata(IEntityType type, object row, string prefix = "")
    {
        foreach (var p in type.GetProperties().Where(p => !p.IsShadowProperty()))
            yield return (prefix + p.Name, Get(p, row), p);
        foreach (var nav in type.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && !n.IsCollection))
        {
            var owned = nav.PropertyInfo?.GetValue(row);
            if (owned is null) continue;
            foreach (var s in ScalarsWithMetadata(nav.TargetEntityType, owned, prefix + nav.Name + ".")) yield return s;
        }
    }

    private static IEnumerable<(string Name, object? Value)> Scalars(IEntityType type, object row) =>
        ScalarsWithMetadata(type, row).Select(s => (s.Name, s.Value));

    private static IEnumerable<string> GenericProblems(IEntityType type, object row)
    {
        foreach (var (name, value, property) in ScalarsWithMetadata(type, row))
        {
            switch (value)
            {
                case string s:
                    if (property.GetMaxLength() is { } max && s.Length > max) yield return $"{name}: {s.Length} characters in a column of {max}";
                    if (s.Length > 0 && string.IsNullOrWhiteSpace(s)) yield return $"{name}: whitespace only";
                    if (s.Contains('\0')) yield return $"{name}: contains a NUL character";
                    break;
                case decimal d when d < 0 && !NegativeAllowed(row, name):
                    yield return $"{name}: negative ({d})";
                    break;
                case DateOnly day when day < Earliest || day > Latest:
                    yield return $"{name}: implausible date {day:yyyy-MM-dd}";
                    break;
                case DateTime t when t.Year < Earliest.Year || t.Year > Latest.Year:
                    yield return $"{name}: implausible time {t:O}";
                    break;
                case DateTimeOffset o when o.Year < Earliest.Year || o.Year > Latest.Year:
                    yield return $"{name}: implausible time {o:O}";
                    break;
                case Enum e when !Enum.IsDefined(e.GetType(), e) && e.GetType().GetCustomAttribute<FlagsAttribute>() is null:
                    yield return $"{name}: undefined {e.GetType().Name} value {Convert.ToInt64(e)}";
                    break;
            }
        }
    }

    /// <summary>The Domain's rules for each kind of row.</summary>
    private static IEnumerable<string> DomainProblems(object row, DateTime nowUtc)
    {
        var today = DateOnly.FromDateTime(nowUtc);
        IEnumerable<string> Broken(IEnumerable<DomainException> rules) => rules.Select(r => $"{r.Field}: {r.Message}");
        switch (row)
        {
            case Patient p:
                // Age is checked against the day the row could have been saved: a day's slack for time zones.
                foreach (var x in Broken(PatientRules.Violations(p, today.AddDays(1)).Where(v => v.Field != "DateOfBirth"))) yield return x;
                if (p.DateOfBirth > today.AddDays(1) || p.DateOfBirth < today.AddYears(-PatientRules.MaxAgeYears - 1)) yield return $"DateOfBirth: implausible {p.DateOfBirth:yyyy-MM-dd}";
                if (string.IsNullOrWhiteSpace(p.Mrn)) yield return "Mrn: empty";
                break;
            case PatientDiagnosis d:
                if (Icd10.Normalize(d.Code) != d.Code) yield return $"Code: \"{d.Code}\" is not a normalised ICD-10-CM code";
                if (string.IsNullOrWhiteSpace(d.Description)) yield return "Description: empty";
                break;
            case CourseDiagnosis d:
                if (Icd10.Normalize(d.Code) != d.Code) yield return $"Code: \"{d.Code}\" is not a normalised ICD-10-CM code";
                if (d.Position is < 0 or >= CourseRules.MaxDiagnoses) yield return $"Position: {d.Position} outside A–L";
                break;
            case TreatmentCourse c:
                if (c.PlannedSessions is < 1 or > CourseRules.MaxPlannedSessions) yield return $"PlannedSessions: {c.PlannedSessions}";
                foreach (var x in Try(() => CourseRules.CheckDates(c))) yield return x;
                break;
            case StaffMember s:
                foreach (var x in Broken(s.RuleViolations())) yield return x;
                break;
            case WeeklyAvailability a:
                if (a.End <= a.Start) yield return $"End: {a.End} not after {a.Start}";
                break;
            case Service s:
                if (string.IsNullOrWhiteSpace(s.Name)) yield return "Name: empty";
                if (!BillingCode.IsValid(s.BillingCode)) yield return $"BillingCode: \"{s.BillingCode}\" is not a CPT/HCPCS code";
                foreach (var x in Try(() => CatalogRules.CheckDefaultUnits(s.DefaultUnits))) yield return x;
                foreach (var x in Try(() => CatalogRules.CheckDefaultDuration(s.DefaultDurationMinutes))) yield return x;
                break;
            case ServicePrice sp:
                if (sp.Amount < 0 || sp.Amount > Money.MaxPrice || Money.Round(sp.Amount) != sp.Amount) yield return $"Amount: {sp.Amount}";
                break;
            case Visit v:
                if (ClinicalLimits.DoseProblem(v.DoseMg) is { } dose) yield return $"DoseMg: {dose}";
                if (PatientRules.WeightProblem(v.WeightKg) is { } weight) yield return $"WeightKg: {weight}";
                if (ClinicalLimits.InfusionMinutesProblem(v.InfusionMinutes) is { } minutes) yield return $"InfusionMinutes: {minutes}";
                foreach (var vitals in new[] { v.VitalsBefore, v.VitalsAt40Min, v.VitalsAtDischarge })
                    foreach (var (field, message) in ClinicalLimits.VitalsProblems(vitals)) yield return $"{field}: {message}";
                if (v.DischargedAt is { } out_ && out_ <= v.StartedAt) yield return "DischargedAt: not after arrival";
                if (v.StartedAt > nowUtc.AddDays(1)) yield return $"StartedAt: in the future ({v.StartedAt:O})";
                if (!PlaceOfService.IsValid(v.PlaceOfService)) yield return $"PlaceOfService: \"{v.PlaceOfService}\"";
                break;
            case ChargeLine l:
                if (l.Units is <= 0 or > 100) yield return $"Units: {l.Units}";
                if (l.Amount != Money.LineTotal(l.UnitPrice, l.Units)) yield return $"Amount: {l.Amount} is not {l.UnitPrice} × {l.Units}";
                break;
            case Payment p:
                if (!PaymentRules.IsReversal(p) && PaymentRules.AmountProblem(p.Amount) is { } amount) yield return $"Amount: {amount}";
                if (PaymentRules.IsReversal(p) && PaymentRules.AmountProblem(-p.Amount) is { } reversed) yield return $"Amount: {reversed}";
                if (p.ReceivedAt > nowUtc.AddDays(1)) yield return $"ReceivedAt: in the future ({p.ReceivedAt:O})";
                break;
            case Assessment a:
                foreach (var x in Try(() => { if (Scoring.Total(a.Instrument, a.ItemScores) != a.TotalScore) throw new DomainException("TotalScore", "does not match the items"); })) yield return x;
                if (Assessment.TakenAtProblem(a.TakenAt, nowUtc) is { } taken) yield return $"TakenAt: {taken.Message}";
                break;
            case Incident i:
                foreach (var x in Broken(i.RuleViolations(nowUtc))) yield return x;
                if (i.Grade is < 1 or > 5) yield return $"Grade: {i.Grade}";
                break;
            case IncidentAddendum a:
                if (string.IsNullOrWhiteSpace(a.Text)) yield return "Text: empty";
                break;
            case ClinicSettings s:
                if (string.IsNullOrWhiteSpace(s.Name)) yield return "Name: empty";
                if (s.TaxId.Length > 0 && Ein.Normalize(s.TaxId) != s.TaxId) yield return $"TaxId: \"{s.TaxId}\" is not an EIN";
                if (s.GroupNpi.Length > 0 && !Npi.IsValid(s.GroupNpi)) yield return $"GroupNpi: {Npi.Explain(s.GroupNpi)}";
                if (!ClinicTimeZones.IsValid(s.TimeZoneId)) yield return $"TimeZoneId: \"{s.TimeZoneId}\"";
                if (s.BillingAddress.State.Length > 0 && !UsStates.IsValid(s.BillingAddress.State)) yield return $"BillingAddress.State: \"{s.BillingAddress.State}\"";
                break;
            case Location l:
                if (LocationRules.NormalizeCode(l.Code) != l.Code) yield return $"Code: \"{l.Code}\"";
                if (!PlaceOfService.IsValid(l.DefaultPlaceOfService)) yield return $"DefaultPlaceOfService: \"{l.DefaultPlaceOfService}\"";
                // The seeded MAIN location may still lack its address (a fresh installation's); any other must pass the rules.
                if (l.ServiceFacilityAddress.Line1.Length > 0) foreach (var x in Try(() => LocationRules.Check(l))) yield return x;
                break;
            case ApplicationUser u:
                if (string.IsNullOrWhiteSpace(u.Email) || !u.Email.Contains('@')) yield return $"Email: \"{u.Email}\"";
                if (string.IsNullOrWhiteSpace(u.DisplayName)) yield return "DisplayName: empty";
                break;
        }
    }

    private static IEnumerable<string> Try(Action check)
    {
        try { check(); }
        catch (DomainException e) { return [$"{e.Field}: {e.Message}"]; }
        return [];
    }
}
