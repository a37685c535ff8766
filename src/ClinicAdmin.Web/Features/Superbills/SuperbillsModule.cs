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
}

/// <summary>The "Smtp" section: where patient-link e-mails go. With no host (or a pickup directory) mail is written as .eml files.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    [Range(1, 65535)] public int Port { get; set; } = 25;
    [Required, EmailAddress] public string From { get; set; } = "no-reply@clinic.invalid";
    /// <summary>Write messages into this folder instead of sending (development). Relative paths are under the data folder.</summary>
    public string? PickupDirectory { get; set; }
    public bool EnableSsl { get; set; }
}

public static class SuperbillsModule
{
    public static IServiceCollection AddClinicSuperbills(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SuperbillOptions>().Bind(configuration.GetSection(SuperbillOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SuperbillGenerator>();
        services.AddScoped<SuperbillBuilder>();
        services.AddScoped<SuperbillIssuer>();
        services.AddScoped<SuperbillRequests>();
        services.AddScoped<PatientLinks>();
        services.AddScoped<LinkMailer>();
        services.AddSingleton<IClinicJob, SuperbillJob>();
        services.AddSingleton<IClinicJob, SuperbillBatchJob>();
        services.AddSingleton<ISampleWriter, SuperbillSample>();
        services.AddClinicNav(30, "Month-end superbills", "/Superbills/Batch", Policies.ManagePatients, "receipt");
        return services;
    }
}
