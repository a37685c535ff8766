using System.ComponentModel.DataAnnotations;

namespace ClinicAdmin.Web.Platform.Security;

/// <summary>The "Security" section: sign-in and session rules.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Signed-in sessions end after this many idle minutes (shared workstations in a clinic).</summary>
    [Range(5, 720)] public int SessionIdleMinutes { get; set; } = 30;
    /// <summary>Failed sign-ins before the account is locked.</summary>
    [Range(3, 20)] public int MaxFailedAccessAttempts { get; set; } = 5;
    [Range(1, 1440)] public int LockoutMinutes { get; set; } = 15;
    [Range(8, 128)] public int MinimumPasswordLength { get; set; } = 12;
}
