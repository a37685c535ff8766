using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicAdmin.Web.Tests.Infrastructure;

/// <summary>Every Razor page of the running app with its handlers and authorization, discovered from the app itself
/// (so a page added later is covered without touching the tests).</summary>
public static class PageCatalog
{
    public sealed record PageInfo(string Route, Type Model, IReadOnlyList<HandlerMethodDescriptor> Handlers)
    {
        public AuthorizeAttribute? Authorize => Model.GetCustomAttribute<AuthorizeAttribute>(inherit: true);
        public bool AllowsAnonymous => Model.GetCustomAttribute<AllowAnonymousAttribute>(inherit: true) is not null;
        public override string ToString() => Route;
    }

    public static readonly string[] AnonymousPages = ["/Account/Login", "/Account/LoginCode", "/Account/AccessDenied", "/Error", "/PatientLink/Index", "/PatientLink",
        "/clinic-logo"]; // the clinic's logo: not patient data, shown on the patient link page

    /// <summary>Pages of one record named in the query (?id=, ?patientId=, ?visitId=...). Opened without it they answer
    /// 404 Not Found, and the page tests assert exactly that; every other page must open (200) for a role its policy allows.</summary>
    public static readonly string[] NotFoundWithoutARecord =
    [
        "/AccessLog/Patient", "/AccessLog/Person",
        "/Appointments/Details",
        "/Assessments/Create", "/Assessments/Details", "/Assessments/Index",
        "/Courses/Details", "/Courses/Edit",
        "/Documents/Download",
        "/Incidents/Addendum", "/Incidents/Create", "/Incidents/Details", "/Incidents/Edit", "/Incidents/SignOff",
        "/Jobs/Status",
        "/Patients/Details",
        "/Payments/Edit",
        "/Pricing/CancelPrice", "/Pricing/Details", "/Pricing/SchedulePrice",
        "/Staff/Availability", "/Staff/Deactivate", "/Staff/Details",
        "/Superbills/Link", "/Superbills/Request",
        "/Visits/Details", "/Visits/Edit",
    ];

    public static async Task<IReadOnlyList<PageInfo>> AllAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var pages = new List<PageInfo>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor) continue;
            var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (pages.Any(p => p.Model == compiled.ModelTypeInfo!.AsType())) continue; // "/Index" and "/" are one page
            pages.Add(new PageInfo(route, compiled.ModelTypeInfo!.AsType(), compiled.HandlerMethods.ToList()));
        }
        return pages.OrderBy(p => p.Route).ToList();
    }

    /// <summary>The URL to request a handler at (named handlers via ?handler=).</summary>
    public static string UrlOf(PageInfo page, HandlerMethodDescriptor? handler)
    {
        var route = page.Route.Replace("{id?}", "").Replace("{id}", "1").TrimEnd('/');
        if (route.Length == 0) route = "/";
        return handler?.Name is { Length: > 0 } name ? $"{route}?handler={name}" : route;
    }
}
