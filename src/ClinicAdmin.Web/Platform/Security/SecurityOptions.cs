using System.ComponentModel.DataAnnotations;
using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Web.Platform.Security;

/// <summary>The "Security" section: sign-in and session rules.</summary>
public sealed class SecurityOptions : IValidatableObject
{
    public const string Section = "Security";

    /// <summary>Signed-in sessions end after this many idle minutes (shared workstations in a clinic).</summary>
    [Range(5, 720)] public int SessionIdleMinutes { get; set; } = 30;
    /// <summary>Failed sign-ins before the account is locked.</summary>
    [Range(3, 20)] public int MaxFailedAccessAttempts { get; set; } = 5;
    [Range(1, 1440)] public int LockoutMinutes { get; set; } = 15;
    [Range(8, 128)] public int MinimumPasswordLength { get; set; } = 12;

    /// <summary>
    /// Roles that must sign in with a second factor, comma-separated role names; "none" (or empty) for nobody. A string,
    /// not a list: a bound list would add to the default instead of replacing it. Ignored in demo mode.
    /// </summary>
    public string? TwoFactorRequiredRoles { get; set; } = $"{Roles.PracticeManager},{Roles.MedicalDirector}";
    /// <summary>Sensitive changes need the password (and code) typed within this many minutes.</summary>
    [Range(1, 120)] public int ReauthenticateMinutes { get; set; } = 5;
    /// <summary>A session ends this long after sign-in whatever its activity (the idle timeout slides; this does not).</summary>
    [Range(1, 168)] public int AbsoluteSessionHours { get; set; } = 12;

    public IReadOnlyList<string> RolesRequiringTwoFactor =>
        (TwoFactorRequiredRoles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(r => !r.Equals("none", StringComparison.OrdinalIgnoreCase)).ToList();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var unknown = RolesRequiringTwoFactor.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0)
            yield return new ValidationResult(
                $"Security:TwoFactorRequiredRoles names unknown role(s) {string.Join(", ", unknown)}: use {string.Join(", ", Roles.All)} or none.",
                [nameof(TwoFactorRequiredRoles)]);
    }
}
