namespace ClinicAdmin.Web.PageKit;

/// <summary>
/// Makes the clinic's date style current (<see cref="RecordText.Style"/>) for the rest of the request. It must run before
/// anything renders: a Razor page's body renders before its layout, so the layout is too late.
/// </summary>
public static class ClinicDateStyleMiddleware
{
    public static IApplicationBuilder UseClinicDateStyle(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Probes answer without reading the settings (the liveness probe must not touch the database).
        if (!context.Request.Path.StartsWithSegments("/health"))
            RecordText.Style = await context.RequestServices.GetRequiredService<ClinicBrand>().DateStyleAsync();
        await next(context);
    });
}
