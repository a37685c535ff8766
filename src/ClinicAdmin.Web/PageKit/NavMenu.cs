using System.Security.Claims;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.PageKit;

/// <summary>
/// The navigation, composed from the features: each AddClinic&lt;Feature&gt;() adds its own entries, naming the policy its
/// page requires, so a role only sees what it may open.
/// </summary>
public sealed class NavMenu(IEnumerable<NavMenu.Item> items)
{
    /// <summary>One entry; <paramref name="Order"/> places it in the menu, under the heading of its <paramref name="Group"/>.</summary>
    public sealed record Item(int Order, string Title, string Page, string Policy, string Icon, NavGroup Group);

    public IReadOnlyList<Item> Items { get; } = items.OrderBy(i => i.Order).ToList();

    public IEnumerable<Item> For(ClaimsPrincipal user) =>
        Items.Where(i => Policies.RolesOf[i.Policy].Any(user.IsInRole));

    /// <summary>The person's entries under their job's headings, in menu order; a heading with nothing for them is left out.</summary>
    public IEnumerable<IGrouping<NavGroup, Item>> GroupedFor(ClaimsPrincipal user) =>
        For(user).GroupBy(i => i.Group).OrderBy(g => g.Min(i => i.Order));
}

/// <summary>The menu's headings, named after the work people do rather than after the tables behind it.</summary>
public enum NavGroup { Today, Billing, Quality, Clinic, Oversight }

public static class NavGroups
{
    public static string Heading(NavGroup g) => g switch
    {
        NavGroup.Today => "Care",
        NavGroup.Billing => "Billing",
        NavGroup.Quality => "Quality",
        NavGroup.Clinic => "Clinic set-up",
        _ => "Oversight",
    };
}

public static class NavMenuRegistration
{
    public static IServiceCollection AddClinicNav(this IServiceCollection services, NavGroup group, int order, string title, string page, string policy, string icon)
    {
        services.AddSingleton(new NavMenu.Item(order, title, page, policy, icon, group));
        return services;
    }
}
