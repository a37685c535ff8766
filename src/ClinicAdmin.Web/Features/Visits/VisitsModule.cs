using ClinicAdmin.Web.PageKit;
using System.ComponentModel.DataAnnotations;

namespace ClinicAdmin.Web.Features.Visits;

/// <summary>The "Clinical" section of configuration: thresholds of the warnings shown while a visit is entered.</summary>
public sealed class ClinicalOptions
{
    public const string Section = "Clinical";

    /// <summary>Warn when a dose is more than this many mg/kg above the course's previous dose.</summary>
    [Range(typeof(decimal), "0.01", "2", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "Clinical:MaxDoseStepMgPerKg must be between 0.01 and 2 (mg/kg).")]
    public decimal MaxDoseStepMgPerKg { get; set; } = 0.15m;
}

public static class VisitsModule
{
    /// <summary>Visit-entry options, validated at start: a wrong value stops the app with a message naming the key.</summary>
    public static IServiceCollection AddClinicVisits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClinicalOptions>().Bind(configuration.GetSection(ClinicalOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddClinicWorkQueue<TodaysSessionsQueue>();
        return services;
    }
}
