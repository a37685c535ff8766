using System.Security.Claims;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.PageKit;

/// <summary>
/// The navigation, composed from the features: each AddClinic&lt;Feature&gt;() adds its own entries, naming the policy its
/// page requires, so a role only sees what it may open.
/// </summary>
public sealed class NavMenu(IEnumerable<NavMenu.Item> items)
{
    /// <summary>One entry; <paramref name="Order"/> places it in the menu.</summary>
    public sealed record Item(int Order, string Title, string Page, string Policy, string Icon);

    public IReadOnlyList<Item> Items { get; } = items.OrderBy(i => i.Order).ToList();

    public IEnumerable<Item> For(ClaimsPrincipal user) =>
        Items.Where(i => Policies.RolesOf[i.Policy].Any(user.IsInRole));
}

public static class NavMenuRegistration
{
    public static IServiceCollection AddClinicNav(this IServiceCollection services, int order, string title, string page, string policy, string icon)
    {
        services.AddSingleton(new NavMenu.Item(order, title, page, policy, icon));
        return services;
    }
}
