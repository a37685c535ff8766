using System.Net;
using System.Security.Claims;

namespace ClinicAdmin.Web.Platform.Observability;

/// <summary>
/// Who may read /metrics: requests from this machine (loopback), from the configured addresses or networks, and
/// signed-in users of the configured role. Anyone else gets 404, as if there were no such page. The address is the
/// one the edge settled on: behind a known proxy that is the forwarded client, so a proxy on this machine does not
/// make every outside request "loopback". No address at all (a Unix socket, the in-process test server) is refused.
/// </summary>
public sealed class MetricsAccess
{
    private readonly IPNetwork[] _networks;
    private readonly string _role;

    public MetricsAccess(MetricsOptions options)
    {
        _networks = options.AllowedNetworks.Select(ParseNetwork).ToArray();
        _role = options.RequiredRole;
    }

    public bool Allows(IPAddress? remote, ClaimsPrincipal user)
    {
        if (remote is not null)
        {
            if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
            if (IPAddress.IsLoopback(remote) || _networks.Any(n => n.Contains(remote))) return true;
        }
        return _role.Length > 0 && user.Identity?.IsAuthenticated == true && user.IsInRole(_role);
    }

    /// <summary>An address is a network of one.</summary>
    internal static IPNetwork ParseNetwork(string text) =>
        IPAddress.TryParse(text, out var a) ? new IPNetwork(a, a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128) : IPNetwork.Parse(text);

    internal static bool IsNetwork(string text) => IPAddress.TryParse(text, out _) || IPNetwork.TryParse(text, out _);
}
