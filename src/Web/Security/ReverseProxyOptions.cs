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
            IsWholeAddress(entry) && IPAddress.TryParse(entry, out var address) ? new IPNetwork(address, address.GetAddressBytes().Length * 8)
            : IsWholeAddress(entry.Split('/')[0]) && IPNetwork.TryParse(entry, out var network) && HostBitsAreZero(entry, network)
                ? network
            : throw new FormatException(
                $"Setting '{TrustedProxiesKey}' has '{entry}', which is neither a full IP address nor a CIDR network " +
                "such as 10.0.0.0/8 (a network's host bits must be zero)."))
            .ToList();
    }

    // IPAddress.TryParse reads "10" as 0.0.0.10 and "192.168.1" as 192.168.0.1; a typo must not become a trusted peer.
    private static bool IsWholeAddress(string entry) => entry.Contains(':') || entry.Count(c => c == '.') == 3;

    // "10.0.0.5/8" is a typo of either an address or a network; refuse it rather than guess which.
    private static bool HostBitsAreZero(string entry, IPNetwork network)
    {
        var bytes = IPAddress.Parse(entry.Split('/')[0]).GetAddressBytes();
        for (var bit = network.PrefixLength; bit < bytes.Length * 8; bit++)
        {
            if ((bytes[bit / 8] & (0x80 >> (bit % 8))) != 0)
            {
                return false;
            }
        }
        return true;
    }
}
