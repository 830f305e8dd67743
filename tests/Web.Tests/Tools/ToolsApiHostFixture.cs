using System.Net;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Web.Tests.Tools;

/// <summary>One real host on a fresh database, its first superuser, and one signed-in person per role.</summary>
public class ToolsApiHostFixture : IAsyncLifetime
{
    public const string SuperuserEmail = "rektor@verktyg.test";
    public const string Password = "Ett-långt-lösenord-42";

    public HostProcess Host { get; private set; } = null!;

    public TestDatabase Database { get; private set; } = null!;

    internal ApiSession Superuser { get; private set; } = null!;
    internal ApiSession Admin { get; private set; } = null!;
    internal ApiSession Contributor { get; private set; } = null!;
    internal ApiSession OtherContributor { get; private set; } = null!;
    internal ApiSession User { get; private set; } = null!;

    /// <summary>Host settings a derived fixture adds (environment variable names).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("toolsapi", migrate: false);
        var settings = new Dictionary<string, string>(Settings)
        {
            ["SKRIPTOTEKET_SUPERUSER_EMAIL"] = SuperuserEmail,
            ["SKRIPTOTEKET_SUPERUSER_PASSWORD"] = Password,
        };
        Host = await HostProcess.StartAsync(Database.ConnectionString, settings);
        Superuser = await ApiSession.LoginAsync(Host.BaseAddress, SuperuserEmail, Password, Host);
        Admin = await CreateAsync("admin");
        Contributor = await CreateAsync("contributor");
        OtherContributor = await CreateAsync("contributor");
        User = await CreateAsync("user");
    }

    /// <summary>A new account of the role (user, contributor or admin), signed in; the caller disposes it.</summary>
    internal async Task<ApiSession> CreateAsync(string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@verktyg.test";
        // Accounts are created as user or contributor; admins are made through a nomination (identity's rule).
        var created = await Superuser.ExpectAsync(HttpStatusCode.Created, Superuser.PostAsync("api/v1/users",
            new { email, displayName = $"{role} {email[..12]}", password = Password, role = role == "admin" ? "contributor" : role }));
        if (role == "admin")
        {
            var nomination = await Superuser.ExpectAsync(HttpStatusCode.Created, Superuser.PostAsync("api/v1/nominations",
                new { userId = created.GetProperty("id").GetGuid(), rationale = "Ansvarar för verktygen" }));
            await Superuser.ExpectAsync(HttpStatusCode.OK,
                Superuser.PostAsync($"api/v1/nominations/{nomination.GetProperty("id").GetGuid()}/approve", new { note = "Ja" }));
        }
        return await ApiSession.LoginAsync(Host.BaseAddress, email, Password, Host);
    }

    public async Task DisposeAsync()
    {
        foreach (var session in new[] { Superuser, Admin, Contributor, OtherContributor, User })
        {
            session?.Dispose();
        }
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}
