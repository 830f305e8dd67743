using System.Net;

namespace Skriptoteket.Web.Security;

/// <summary>
/// The reverse proxies (section "ReverseProxy") whose X-Forwarded-For / X-Forwarded-Proto headers are believed.
/// Empty by default: then those headers are ignored, so no client can claim another address or HTTPS.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    public const string TrustedProxiesKey = Section + ":" + nameof(TrustedProxies);

    /// <summary>Comma-separated addresses or CIDR networks, e.g. "10.0.0.5, 172.16.0.0/12".</summary>
    public string TrustedProxies { get; set; } = "";

    /// <summary>The entries, parsed; a malformed one fails with a message naming the setting and the entry.</summary>
    public IReadOnlyList<IPNetwork> ParseTrustedProxies()
    {
        var entries = TrustedProxies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return entries.Select(entry =>
            IPAddress.TryParse(entry, out var address) ? new IPNetwork(address, address.GetAddressBytes().Length * 8)
            : IPNetwork.TryParse(entry, out var network) ? network
            : throw new FormatException(
                $"Setting '{TrustedProxiesKey}' has '{entry}', which is neither an IP address nor a CIDR network such as 10.0.0.0/8."))
            .ToList();
    }
}
