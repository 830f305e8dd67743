using System.Net;
using System.Net.Http.Json;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Web.Tests;

/// <summary>
/// Behind a trusted reverse proxy the client's forwarded address and scheme count (throttling, audit, Secure
/// cookie); from anyone else the same headers are ignored. The tests connect from 127.0.0.1, so one host trusts
/// loopback as its proxy and the other trusts only a network the tests are not in.
/// </summary>
public sealed class ReverseProxyTests : IAsyncLifetime
{
    private const string Email = "rektor@proxy.test";
    private const string Password = "Rektorns-hemliga-lösen-1";

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync("proxy", migrate: false);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Behind_a_trusted_proxy_the_forwarded_client_is_throttled_audited_and_gets_a_secure_cookie()
    {
        // A per-address threshold of 5 (the default is 100) keeps the test short; what counts is which address is locked.
        await using var host = await StartAsync("127.0.0.1", perAddress: 5);
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = host.BaseAddress };

        using var login = await LoginAsync(http, "203.0.113.7", Email, Password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("secure", SessionCookie(login), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("203.0.113.7", await LastAuditAddressAsync("login.succeeded"));

        // Failures from one school computer lock that computer, not every teacher behind the same proxy.
        for (var i = 0; i < 5; i++)
        {
            using var failed = await LoginAsync(http, "203.0.113.8", $"finns-inte-{i}@proxy.test", "fel-lösenord-123456");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }
        using (var locked = await LoginAsync(http, "203.0.113.8", Email, Password))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        }
        using var neighbour = await LoginAsync(http, "203.0.113.9", Email, Password);
        Assert.Equal(HttpStatusCode.OK, neighbour.StatusCode);
    }

    [Theory]
    [InlineData("")] // the default: no proxy, so nobody may speak for a client
    [InlineData("10.0.0.0/8")] // a proxy is configured, but the tests' 127.0.0.1 is not it
    public async Task Forwarded_headers_from_an_untrusted_client_are_ignored(string trustedProxies)
    {
        await using var host = await StartAsync(trustedProxies);
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = host.BaseAddress };

        using var login = await LoginAsync(http, "203.0.113.7", Email, Password);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.DoesNotContain("secure", SessionCookie(login), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("127.0.0.1", await LastAuditAddressAsync("login.succeeded"));
    }

    [Fact]
    public async Task A_malformed_proxy_entry_stops_the_host_with_a_message_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync("10.0.0.5, skolans-proxy"));

        Assert.Contains("ReverseProxy:TrustedProxies", error.Message);
        Assert.Contains("skolans-proxy", error.Message);
    }

    private Task<HostProcess> StartAsync(string trustedProxies, int perAddress = 100) =>
        HostProcess.StartAsync(database.ConnectionString, new Dictionary<string, string>
        {
            ["SKRIPTOTEKET_SUPERUSER_EMAIL"] = Email,
            ["SKRIPTOTEKET_SUPERUSER_PASSWORD"] = Password,
            ["ReverseProxy__TrustedProxies"] = trustedProxies,
            ["Identity__MaxFailedLoginsPerAddress"] = perAddress.ToString(),
        });

    private static Task<HttpResponseMessage> LoginAsync(HttpClient http, string clientAddress, string email, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/auth/login") { Content = JsonContent.Create(new { email, password }) };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        request.Headers.Add("X-Forwarded-Proto", "https");
        return http.SendAsync(request);
    }

    private static string SessionCookie(HttpResponseMessage response) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("skriptoteket_session="));

    private Task<string> LastAuditAddressAsync(string action) =>
        database.ScalarAsync<string>($"SELECT address FROM audit_log WHERE action = '{action}' ORDER BY id DESC LIMIT 1");
}
