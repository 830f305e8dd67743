using Skriptoteket.Web.Security;

namespace Skriptoteket.Unit.Tests;

public sealed class ReverseProxyOptionsTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData(" 10.0.0.5 , 172.16.0.0/12", "10.0.0.5/32,172.16.0.0/12")]
    [InlineData("::1", "::1/128")]
    [InlineData("fd00::/8", "fd00::/8")]
    public void Well_formed_entries_become_networks(string setting, string expected)
    {
        var parsed = new ReverseProxyOptions { TrustedProxies = setting }.ParseTrustedProxies();

        Assert.Equal(expected, string.Join(",", parsed));
    }

    [Theory]
    [InlineData("10")] // IPAddress.TryParse alone would read 0.0.0.10
    [InlineData("192.168.1")] // ... and 192.168.0.1
    [InlineData("10.0.0.5/8")] // host bits set
    [InlineData("skolans-proxy")]
    [InlineData("10.0.0.0/33")]
    public void A_malformed_entry_is_refused_naming_the_setting_and_the_entry(string entry)
    {
        var error = Assert.Throws<FormatException>(() =>
            new ReverseProxyOptions { TrustedProxies = "10.0.0.1," + entry }.ParseTrustedProxies());

        Assert.Contains(ReverseProxyOptions.TrustedProxiesKey, error.Message);
        Assert.Contains($"'{entry}'", error.Message);
    }
}
