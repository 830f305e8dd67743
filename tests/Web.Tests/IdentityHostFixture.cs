using System.Net;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Web.Tests;

/// <summary>A real host on a fresh database with a known first superuser; helpers make users of every role.</summary>
public class IdentityHostFixture : IAsyncLifetime
{
    public const string SuperuserEmail = "rektor@identity.test";
    public const string SuperuserPassword = "Rektorns-hemliga-lösen-1";
    public const string Password = "Ett-långt-lösenord-42";

    public HostProcess Host { get; private set; } = null!;

    public TestDatabase Database { get; private set; } = null!;

    public Uri BaseAddress => Host.BaseAddress;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("identity", migrate: false);
        Host = await StartHostAsync();
    }

    public Task<HostProcess> StartHostAsync() =>
        HostProcess.StartAsync(Database.ConnectionString, new Dictionary<string, string>(Settings)
        {
            ["SKRIPTOTEKET_SUPERUSER_EMAIL"] = SuperuserEmail,
            ["SKRIPTOTEKET_SUPERUSER_PASSWORD"] = SuperuserPassword,
        });

    /// <summary>Host settings a derived fixture adds (environment variable names).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public void Replace(HostProcess host) => Host = host;

    public Task<ApiUser> SuperuserAsync() => ApiUser.LoginAsync(BaseAddress, SuperuserEmail, SuperuserPassword);

    /// <summary>A new account of the role (admins through nomination and approval, as the product allows); returns its id and email.</summary>
    public async Task<(Guid Id, string Email)> CreateUserAsync(string role)
    {
        using var superuser = await SuperuserAsync();
        var email = $"{role}-{Guid.NewGuid():N}@skola.test";
        var created = await superuser.PostAsync("api/v1/users", new
        {
            email, displayName = $"Test {role}", password = Password, role = role == "admin" ? "contributor" : role,
        }).ExpectAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        if (role == "admin")
        {
            var nomination = await superuser.PostAsync("api/v1/nominations", new { userId = id, rationale = "Behövs" })
                .ExpectAsync(HttpStatusCode.Created);
            await superuser.PostAsync($"api/v1/nominations/{nomination.GetProperty("id").GetGuid()}/approve", new { })
                .ExpectAsync(HttpStatusCode.OK);
        }
        return (id, email);
    }

    public async Task<ApiUser> LoginAsNewAsync(string role)
    {
        if (role == "superuser")
        {
            return await SuperuserAsync();
        }
        var (_, email) = await CreateUserAsync(role);
        return await ApiUser.LoginAsync(BaseAddress, email, Password);
    }

    public Task<long> CountAuditAsync(string action, string targetId) =>
        Database.ScalarAsync<long>($"SELECT count(*) FROM audit_log WHERE action = '{action}' AND target_id = '{targetId}'");

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}
