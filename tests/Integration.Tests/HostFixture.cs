using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Integration.Tests;

/// <summary>Starts hosts against a database of their own and cleans both up.</summary>
public abstract class HostTestBase : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;

    private readonly List<HostProcess> hosts = [];

    public async Task InitializeAsync() => Database = await TestDatabase.CreateAsync(GetType().Name.ToLowerInvariant()[..8], migrate: false);

    private const string SuperuserEmail = "drift@integration.test";
    private const string SuperuserPassword = "Driftens-långa-lösenord-7";

    /// <summary>A host; with an operator (a known first superuser) unless the test is about the generated one.</summary>
    protected async Task<HostProcess> StartHostAsync(IDictionary<string, string>? settings = null, bool withOperator = true)
    {
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>());
        if (withOperator)
        {
            all["SKRIPTOTEKET_SUPERUSER_EMAIL"] = SuperuserEmail;
            all["SKRIPTOTEKET_SUPERUSER_PASSWORD"] = SuperuserPassword;
        }
        var host = await HostProcess.StartAsync(Database.ConnectionString, all);
        hosts.Add(host);
        return host;
    }

    /// <summary>/healthz as an admin sees it (descriptions and data); anonymous callers get statuses only.</summary>
    protected static async Task<JsonElement> HealthDetailsAsync(HostProcess host)
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = host.BaseAddress };
        using var login = await http.PostAsJsonAsync("api/v1/auth/login", new { email = SuperuserEmail, password = SuperuserPassword });
        Assert.True(login.IsSuccessStatusCode, $"login: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        using var response = await http.GetAsync("healthz");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }
        await Database.DisposeAsync();
    }
}
