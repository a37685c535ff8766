using System.ComponentModel.DataAnnotations;
using ClinicAdmin.Reports.Superbills;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Commands;
using ClinicAdmin.Web.Platform.Jobs;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Superbills;

/// <summary>The "Superbills" section.</summary>
public sealed class SuperbillOptions
{
    public const string Section = "Superbills";

    /// <summary>Days a patient link stays valid (1–90).</summary>
    [Range(1, 90)] public int PatientLinkDays { get; set; } = 14;
    /// <summary>Minutes the browser keeps an opened link (the token moves from the address into a cookie), 5–240.</summary>
    [Range(5, 240)] public int PatientLinkCookieMinutes { get; set; } = 30;
}

/// <summary>How the connection to the mail server is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connect, then STARTTLS, required (port 587).</summary>
    StartTls,
    /// <summary>TLS from the first byte (port 465).</summary>
    Tls,
    /// <summary>No encryption: never in Production (patient links are live credentials).</summary>
    None,
}

/// <summary>
/// The "Smtp" section: where patient-link e-mails go. With no host, outside Production, mail is written as .eml files;
/// in Production no host means no e-mail (the page says so). Production refuses to start with a pickup folder or
/// without TLS.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    [Range(1, 65535)] public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    /// <summary>Sign-in to the mail server (both or neither).</summary>
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>Optional SHA-256 of the server's certificate (hex): trusted even if self-signed. Empty: the usual chain checks.</summary>
    public string? CertificateSha256 { get; set; }
    [Range(1, 300)] public int TimeoutSeconds { get; set; } = 30;
    [Required, EmailAddress] public string From { get; set; } = "no-reply@clinic.invalid";
    /// <summary>Write messages into this folder instead of sending (development). Relative paths are under the data folder.</summary>
    public string? PickupDirectory { get; set; }
}

/// <summary>Rules across keys, and the ones Production adds (checked at start, one line naming the key).</summary>
internal sealed class SmtpOptionsValidator(IHostEnvironment env) : Microsoft.Extensions.Options.IValidateOptions<SmtpOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, SmtpOptions o)
    {
        var failures = new List<string>();
        if (string.IsNullOrEmpty(o.UserName) != string.IsNullOrEmpty(o.Password))
            failures.Add("Smtp:UserName and Smtp:Password go together: set both or neither.");
        if (env.IsProduction() && !string.IsNullOrWhiteSpace(o.PickupDirectory))
            failures.Add("Smtp:PickupDirectory must be empty in Production: it writes e-mails holding live patient links to disk.");
        if (env.IsProduction() && !string.IsNullOrWhiteSpace(o.Host) && o.Security == SmtpSecurity.None)
            failures.Add("Smtp:Security is None, which Production refuses: use StartTls (port 587) or Tls (port 465).");
        return failures.Count == 0 ? Microsoft.Extensions.Options.ValidateOptionsResult.Success : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(failures);
    }
}

public static class SuperbillsModule
{
    public static IServiceCollection AddClinicSuperbills(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SuperbillOptions>().Bind(configuration.GetSection(SuperbillOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.AddSingleton<SuperbillGenerator>();
        services.AddScoped<SuperbillBuilder>();
        services.AddScoped<SuperbillIssuer>();
        services.AddScoped<SuperbillRequests>();
        services.AddScoped<PatientLinks>();
        services.AddSingleton<PatientLinkCookie>();
        services.AddScoped<LinkMailer>();
        services.AddSingleton<IClinicJob, SuperbillJob>();
        services.AddSingleton<IClinicJob, SuperbillBatchJob>();
        services.AddSingleton<ISampleWriter, SuperbillSample>();
        services.AddClinicNav(NavGroup.Billing, 30, "Month-end superbills", "/Superbills/Batch", Policies.ManagePatients, "receipt");
        services.AddClinicWorkQueue<SuperbillsToSendQueue>();
        services.AddClinicWorkQueue<LinksNotOpenedQueue>();
        return services;
    }
}
