using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Patients;

/// <summary>Checks on a patient's own fields that forms and imports share.</summary>
public static class PatientRules
{
    public const decimal MaxWeightKg = 400m;
    public const int MaxAgeYears = 120;

    /// <summary>Weight is optional; when given, more than 0 and at most 400 kg, in tenths (the column's precision).</summary>
    public static string? WeightProblem(decimal? kg) => kg switch
    {
        null => null,
        <= 0 => "Weight must be more than 0 kg.",
        > MaxWeightKg => $"Weight cannot be more than {MaxWeightKg:0} kg; check the number (kilograms, not pounds).",
        _ when Math.Round(kg.Value, 1) != kg.Value => "Weight has at most one decimal (e.g. 72.5).",
        _ => null,
    };

    public static string? DateOfBirthProblem(DateOnly dob, DateOnly today) =>
        dob > today ? "The date of birth cannot be in the future."
        : dob < today.AddYears(-MaxAgeYears) ? $"The date of birth is more than {MaxAgeYears} years ago; check the year."
        : null;

    /// <summary>Every rule the patient breaks, each naming its field.</summary>
    public static IEnumerable<DomainException> Violations(Patient p, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(p.FirstName)) yield return new("FirstName", "Enter the first name.");
        if (string.IsNullOrWhiteSpace(p.LastName)) yield return new("LastName", "Enter the last name.");
        if (DateOfBirthProblem(p.DateOfBirth, today) is { } dob) yield return new("DateOfBirth", dob);
        if (WeightProblem(p.WeightKg) is { } w) yield return new("WeightKg", w);
        if (!string.IsNullOrEmpty(p.Address.State) && !UsStates.IsValid(p.Address.State))
            yield return new("State", "Use a two-letter US state code, e.g. WI.");
        if (!string.IsNullOrEmpty(p.InsuranceMemberId) && string.IsNullOrWhiteSpace(p.InsurancePayer))
            yield return new("InsurancePayer", "Name the payer the member ID belongs to.");
    }
}
