namespace ClinicAdmin.Web.PageKit;

public static class PagesModule
{
    /// <summary>Razor Pages; everything needs sign-in except the pages a signed-out person must reach.</summary>
    public static IServiceCollection AddClinicPages(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            // One folder per feature: Features/<Feature>/ holds its pages (README "Layout").
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/");
            // The pages a signed-out person must reach.
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/LoginCode"); // the code step: Identity's two-factor cookie, no sign-in yet
            o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
            o.Conventions.AllowAnonymousToPage("/Home/Error");
            o.Conventions.AllowAnonymousToPage("/Superbills/PatientLinkPage/Index");
            o.Conventions.AllowAnonymousToPage("/Settings/LogoImage"); // the clinic's logo, shown on the patient link page too
            // The home page answered /Index before the feature folders; bookmarks to it keep working.
            o.Conventions.AddPageRoute("/Home/Index", "Index");
        }).AddMvcOptions(o =>
        {
            o.ModelBinderProviders.Insert(0, new YesNoModelBinderProvider());
            o.ModelBinderProviders.Insert(0, new QueryTextModelBinderProvider());
        });
        // The shared layout lives with the rest of the page kit, not in a Features/Shared folder.
        services.Configure<Microsoft.AspNetCore.Mvc.Razor.RazorViewEngineOptions>(o =>
            o.PageViewLocationFormats.Add("/PageKit/{0}" + Microsoft.AspNetCore.Mvc.Razor.RazorViewEngine.ViewExtension));
        services.AddSingleton<NavMenu>();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ClinicTime>();
        services.AddMemoryCache();
        services.AddScoped<ClinicBrand>();
        return services;
    }
}
