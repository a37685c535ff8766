using ClinicAdmin.Web.PageKit;

namespace ClinicAdmin.Web.Features.Assessments;

public static class AssessmentsModule
{
    /// <summary>Outcome scores (PHQ-9, GAD-7, pain NRS, PCL-5): entry, charts, the course outcome panel.</summary>
    public static IServiceCollection AddClinicAssessments(this IServiceCollection services)
    {
        // Pages only: nothing to register.
        services.AddClinicWorkQueue<SafetyAlertsQueue>();
        services.AddClinicWorkQueue<MissingScoresQueue>();
        return services;
    }
}
