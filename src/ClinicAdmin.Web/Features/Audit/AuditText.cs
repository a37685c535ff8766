using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Web.PageKit;

namespace ClinicAdmin.Web.Features.Audit;

/// <summary>
/// The audit trail in people's words: record types and records by name ("Staff member Maya Lindqvist"), fields by the
/// label their form gives them, values as the pages write them (enum labels from <see cref="Vocabulary"/>, Yes/No,
/// clinic-local times, "(empty)"). Pure text: the names themselves come from <see cref="AuditNames"/>.
/// </summary>
public static partial class AuditText
{
    public const string Empty = "(empty)";

    /// <param name="Label">What people call the record type.</param>
    /// <param name="Form">The input class whose [Display] names label its fields (found by name: a slice may not reference
    /// another; AuditTextTests checks every name still exists).</param>
    /// <param name="OfPatient">A record of a patient named by the patient's MRN: "Visit of patient MRN-000123".</param>
    private sealed record Kind(string Label, string? Form, bool OfPatient = false);

    /// <summary>The record types people edit, in the words of their pages. Anything else (sign-in tokens, key rows) is internal.</summary>
    private static readonly Dictionary<string, Kind> Kinds = new(StringComparer.Ordinal)
    {
        ["StaffMember"] = new("Staff member", "StaffInput"),
        ["WeeklyAvailability"] = new("Weekly availability", "SlotInput"),
        ["Service"] = new("Service", "ServiceInput"),
        ["ServicePrice"] = new("Price", "PriceInput"),
        ["Location"] = new("Location", "LocationInput"),
        ["Resource"] = new("Chair or room", "ResourceInput"),
        ["ClinicSettings"] = new("Clinic settings", "SettingsInput"),
        ["Patient"] = new("Patient", "PatientInput"),
        ["PatientDiagnosis"] = new("Diagnosis", "DiagnosisInput", OfPatient: true),
        ["TreatmentCourse"] = new("Treatment course", "CourseInput", OfPatient: true),
        ["CourseDiagnosis"] = new("Course diagnosis", "DiagnosisInput", OfPatient: true),
        ["Visit"] = new("Visit", "VisitInput", OfPatient: true),
        ["Appointment"] = new("Appointment", "BookingInput", OfPatient: true),
        ["ChargeLine"] = new("Charge line", "LineInput", OfPatient: true),
        ["Payment"] = new("Payment", "PaymentInput", OfPatient: true),
        ["Assessment"] = new("Score", "ScoreInput", OfPatient: true),
        ["Incident"] = new("Incident", "IncidentInput", OfPatient: true),
        ["IncidentAddendum"] = new("Incident addendum", "AddendumInput", OfPatient: true),
        ["GeneratedDocument"] = new("Document", null),
        ["PatientLink"] = new("Patient link", null, OfPatient: true),
        ["ApplicationUser"] = new("Sign-in account", "AccountInput"),
        ["IdentityUserRole"] = new("Role", null),
    };

    /// <summary>Fields whose form label is missing or would mislead here (a stored price is not the form's "New price").</summary>
    private static readonly Dictionary<string, string> FieldOverrides = new(StringComparer.Ordinal)
    {
        ["ServicePrice.Amount"] = "Price",
        ["ServicePrice.EffectiveFrom"] = "Effective from",
        ["Visit.DischargedAt"] = "Discharge time",
        ["Visit.VitalsAt40Min"] = "Vitals at 40 min",
        ["Incident.Grade"] = "CTCAE grade",
        ["IdentityUserRole.RoleId"] = "Role",
        ["IdentityUserRole.UserId"] = "Sign-in account",
        ["StaffMember.UserId"] = "Sign-in account",
        ["ApplicationUser.UserName"] = "User name",
        ["ApplicationUser.IsDisabled"] = "Disabled",
        ["ApplicationUser.LockoutEnd"] = "Locked out until",
        ["ApplicationUser.AccessFailedCount"] = "Failed sign-in attempts",
        ["ApplicationUser.TwoFactorEnabled"] = "Two-factor sign-in",
    };

    /// <summary>The decimal fields that hold dollars (prices, charge lines, payments).</summary>
    private static readonly HashSet<string> MoneyFields = new(StringComparer.Ordinal) { "Amount", "UnitPrice" };

    /// <summary>Copies of another field kept for lookups (Identity's upper-cased email): shown once, not twice.</summary>
    public static bool IsShadow(string field) => field.StartsWith("Normalized", StringComparison.Ordinal);

    /// <summary>True for the record types people edit; the filter offers only these unless asked for internal ones.</summary>
    public static bool IsEdited(string auditedType) => Kinds.ContainsKey(Owner(auditedType));

    /// <summary>What people call a record type: "Staff member"; an internal type keeps its spaced-out name.</summary>
    public static string TypeLabel(string auditedType) =>
        Kinds.TryGetValue(Owner(auditedType), out var k) ? k.Label : Humanise(Owner(auditedType));

    /// <summary>True when a name of this type is a patient's MRN (the audit list never names a patient).</summary>
    public static bool IsOfPatient(string auditedType) => Kinds.TryGetValue(Owner(auditedType), out var k) && k.OfPatient;

    /// <summary>
    /// The record in words: "Staff member Maya Lindqvist", "Price of IV ketamine infusion from 2026-12-07",
    /// "Visit of patient MRN-000123"; "Staff member #9" when no name is known.
    /// </summary>
    public static string Record(string auditedType, string entityId, string? name)
    {
        var owner = Owner(auditedType);
        var label = TypeLabel(owner);
        if (owner == "ClinicSettings") return label;
        if (string.IsNullOrWhiteSpace(name)) return $"{label} #{entityId}";
        return owner switch
        {
            "ServicePrice" => $"Price of {name}",
            "IdentityUserRole" => $"Role of {name}",
            "WeeklyAvailability" => $"Weekly availability of {name}",
            "Patient" => $"Patient {name}",
            _ when IsOfPatient(owner) => $"{label} of patient {name}",
            _ => $"{label} {name}",
        };
    }

    /// <summary>
    /// A field's label as its form shows it ("IsRenderingProvider" is "Rendering provider"); an owned value's fields carry
    /// the value's name ("Service facility address: Street").
    /// </summary>
    public static string Field(string auditedType, string field)
    {
        var owner = Owner(auditedType);
        var dot = auditedType.IndexOf('.');
        if (dot < 0) return OwnField(owner, field);
        var value = auditedType[(dot + 1)..];
        var form = value.Contains("Address", StringComparison.Ordinal) ? "AddressInput" : value.StartsWith("Vitals", StringComparison.Ordinal) ? "VitalsInput" : null;
        return $"{OwnField(owner, value)}: {FormLabel(form, field) ?? Humanise(field)}";
    }

    private static string OwnField(string owner, string field) =>
        FieldOverrides.GetValueOrDefault($"{owner}.{field}")
        ?? FormLabel(Kinds.GetValueOrDefault(owner)?.Form, field)
        ?? Humanise(field);

    /// <summary>
    /// A stored value as pages write it. <paramref name="type"/> is the field's CLR type (from the EF model), null when
    /// unknown; <paramref name="toLocal"/> turns a UTC instant into clinic time.
    /// </summary>
    public static string Value(string? raw, Type? type, Func<DateTime, DateTime>? toLocal = null, string? field = null)
    {
        if (string.IsNullOrWhiteSpace(raw) || raw == "null") return Empty;
        var t = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        // Money as the pages write it ($1,250.00); other decimals (dose, weight, units) without the column's trailing zeros.
        if (t == typeof(decimal) && decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
            return field is not null && MoneyFields.Contains(field) ? RecordText.Money(number) : RecordText.Number(number, "0.####");
        if (t == typeof(bool))
            return raw.Equals("true", StringComparison.OrdinalIgnoreCase) ? "Yes" : raw.Equals("false", StringComparison.OrdinalIgnoreCase) ? "No" : raw;
        if (t is { IsEnum: true }) return EnumValue(raw, t);
        if (t == typeof(DateTime) && DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant))
        {
            var utc = instant.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(instant, DateTimeKind.Utc) : instant.ToUniversalTime();
            return RecordText.DateTime(toLocal is null ? utc : toLocal(utc));
        }
        // A calendar date (a price's effective date, a date of birth) is stored ISO and shown in the clinic's style.
        if (t == typeof(DateOnly) && DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return RecordText.Date(day);
        return raw;
    }

    /// <summary>A role as people call it (the stored role name is its code).</summary>
    public static string Role(string? roleName) => roleName is null ? Empty : Vocabulary.Role(roleName);

    private static string EnumValue(string raw, Type type)
    {
        object? value = long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? Enum.ToObject(type, n)
            : Enum.TryParse(type, raw, ignoreCase: false, out var named) ? named : null;
        if (value is not Enum e) return raw;
        if (e is SeriousCriteria serious) return Vocabulary.Serious(serious);
        if (!Enum.IsDefined(type, e)) return raw;
        return Vocabulary.UserFacing.Contains(type) ? Vocabulary.Label(e) : Humanise(e.ToString());
    }

    private static string Owner(string auditedType) => auditedType.Split('.')[0];

    private static readonly Lazy<Dictionary<string, Type>> Forms = new(() =>
        typeof(AuditText).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("ClinicAdmin.Web", StringComparison.Ordinal) == true && t.Name.EndsWith("Input", StringComparison.Ordinal))
            .GroupBy(t => t.Name).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal));

    /// <summary>The form input class of this name, if it (still) exists.</summary>
    public static Type? FormType(string name) => Forms.Value.GetValueOrDefault(name);

    /// <summary>The form names the table relies on, for the test that keeps them in step with the forms.</summary>
    public static IEnumerable<string> FormNames => Kinds.Values.Select(k => k.Form).OfType<string>().Concat(["AddressInput", "VitalsInput"]).Distinct();

    /// <summary>The [Display] name the form gives this field, read by the one helper forms use (<see cref="EditConflict.Label"/>).</summary>
    private static string? FormLabel(string? form, string field)
    {
        if (form is null || FormType(form) is not { } type || type.GetProperty(field) is null) return null;
        var label = EditConflict.Label(type, field);
        return label == field ? null : label;
    }

    /// <summary>"IsRenderingProvider" as "Rendering provider", "LocationId" as "Location", "FacilityNpi" as "Facility NPI".</summary>
    public static string Humanise(string name)
    {
        if (name.Length > 2 && name.EndsWith("Id", StringComparison.Ordinal) && char.IsLower(name[^3])) name = name[..^2];
        name = StripPrefix().Replace(name, "");
        var words = Words().Matches(name).Select(m => m.Value).ToList();
        if (words.Count == 0) return name;
        var sb = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            var upper = w.ToUpperInvariant();
            var text = Acronyms.Contains(upper) ? upper : i == 0 ? w : w.ToLowerInvariant();
            if (i > 0) sb.Append(' ');
            sb.Append(text);
        }
        return sb.ToString();
    }

    private static readonly HashSet<string> Acronyms = ["NPI", "MRN", "REMS", "EIN", "ICD", "IV", "IM", "PHQ", "GAD", "URL", "PDF", "ID"];

    [GeneratedRegex("^(Is|Has)(?=[A-Z])")]
    private static partial Regex StripPrefix();

    [GeneratedRegex("[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")]
    private static partial Regex Words();
}
