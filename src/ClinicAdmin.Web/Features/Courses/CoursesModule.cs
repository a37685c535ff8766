using ClinicAdmin.Web.PageKit;

namespace ClinicAdmin.Web.Features.Courses;

public static class CoursesModule
{
    /// <summary>Treatment courses (series) of a patient.</summary>
    public static IServiceCollection AddClinicCourses(this IServiceCollection services)
    {
        // Pages only: nothing to register.
        return services;
    }
}
