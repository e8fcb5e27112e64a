using System.Net;
using System.Net.Sockets;

namespace CommunityPolicing.Web.Security;

/// <summary>
/// Who the client is, for rate limits: the connection's address, or behind a known proxy the address it forwards
/// (<c>ForwardedHeaders:KnownProxies</c>, <c>ForwardedHeaders:KnownNetworks</c>; by default loopback only).
/// </summary>
public static class ClientAddress
{
    /// <summary>
    /// The rate-limit bucket: an IPv4 address, or an IPv6 address's /64 prefix, since one subscriber usually
    /// holds a whole /64 and could otherwise take a fresh address for every request.
    /// </summary>
    public static string Bucket(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public static string Bucket(HttpContext context) => Bucket(context.Connection.RemoteIpAddress);

    /// <summary>
    /// X-Forwarded-For and X-Forwarded-Proto, only from the proxies configured (which then replace the loopback
    /// default); a bad entry fails the first request's options rather than trusting the wrong hosts. Read when the
    /// options are first built, not at composition, so every source of configuration has been added by then.
    /// </summary>
    public static void ForwardedHeaders(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        var proxies = List(configuration.GetSection("ForwardedHeaders:KnownProxies"))
            .Select(p => IPAddress.TryParse(p, out var ip) ? ip : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{p}' is not an IP address."))
            .ToList();
        var networks = List(configuration.GetSection("ForwardedHeaders:KnownNetworks"))
            .Select(n => System.Net.IPNetwork.TryParse(n, out var network) ? network : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{n}' is not a network such as 10.0.0.0/8."))
            .ToList();
        options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = 1; // the address the nearest proxy saw; anything further left the client wrote itself
        if (proxies.Count + networks.Count == 0)
        {
            return; // the framework's default: 127.0.0.0/8 and ::1
        }

        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        proxies.ForEach(options.KnownProxies.Add);
        networks.ForEach(options.KnownIPNetworks.Add);
    }

    /// <summary>A list in configuration: JSON array entries (<c>:0</c>, <c>:1</c>) or one comma-separated value.</summary>
    private static IEnumerable<string> List(IConfigurationSection section) =>
        (section.Value is { } text ? text.Split([',', ';', ' ']) : section.GetChildren().Select(c => c.Value ?? ""))
        .Select(s => s.Trim()).Where(s => s.Length > 0);
}
