using System.Globalization;
using System.Security.Claims;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.PageKit;

/// <summary>A link to where a piece of work is done: a page and its query.</summary>
public sealed record WorkLink(string Text, string Page, IReadOnlyDictionary<string, string> Route, string? Note = null)
{
    public static Dictionary<string, string> Query(params (string Key, object? Value)[] values) =>
        values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => Convert.ToString(v.Value, CultureInfo.InvariantCulture)!);
}

/// <summary>
/// One queue on a home page: how many things wait, the first few, and the page where all of them are worked.
/// <paramref name="Urgent"/> colours the count when something waits.
/// </summary>
public sealed record WorkQueue(string Key, string Title, string Icon, int Count, WorkLink All, IReadOnlyList<WorkLink> Items, string Empty, bool Urgent = false)
{
    /// <summary>How many items a queue lists on the home page; the rest are one link away.</summary>
    public const int Shown = 5;

    public static bool May(ClaimsPrincipal user, string policy) => Policies.RolesOf[policy].Any(user.IsInRole);
}

/// <summary>
/// A feature's contribution to the home page, registered by its AddClinic&lt;Feature&gt;() like its menu entries. A queue
/// is shown only to people who pass <see cref="Policy"/> (the policy of the page it links to), so a count never tells
/// anyone about records they could not open.
/// </summary>
public interface IWorkQueue
{
    int Order { get; }
    string Policy { get; }
    /// <summary>A further condition beyond the policy (e.g. billing queues stay off clinical roles' homes).</summary>
    bool AppliesTo(ClaimsPrincipal user) => true;
    Task<WorkQueue> GetAsync(ClaimsPrincipal user, ClinicClock clock, CancellationToken ct);
}

/// <summary>A figure at a glance on the home page ("7 sessions"), with the policy of the page that explains it.</summary>
public sealed record HomeFigure(string Key, string Value, string Label);

/// <summary>The month's figures for the home page, from the feature that owns them (Outcomes), for the roles it names.</summary>
public interface IHomeFigures
{
    string Policy { get; }
    string Heading { get; }
    WorkLink More { get; }
    Task<IReadOnlyList<HomeFigure>> GetAsync(ClinicClock clock, CancellationToken ct);
}

public static class WorkQueueRegistration
{
    public static IServiceCollection AddClinicWorkQueue<T>(this IServiceCollection services) where T : class, IWorkQueue =>
        services.AddScoped<IWorkQueue, T>();
}
