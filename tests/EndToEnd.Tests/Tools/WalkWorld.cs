namespace Skriptoteket.EndToEnd.Tests.Tools;

/// <summary>
/// The one builder of the worlds the browser walks start from (issue 20): accounts of each role and teachers' tools,
/// made through the JSON API as the product allows, so a walk states only what its story needs. Every name, slug and
/// address carries this world's <see cref="Tag"/>, so walks never meet on the suite's shared host.
/// </summary>
internal sealed class WalkWorld(BrowserFixture fixture)
{
    /// <summary>The password of every account a world makes.</summary>
    public const string Password = "Ett-långt-lösenord-42";

    public string Tag { get; } = Guid.NewGuid().ToString("N")[..6];

    /// <summary>The declaration the example walks share: a required class (7A or 7B), a limit of 0–100 and no files.</summary>
    public static object ClassAndLimit(string defaultLimit) => new
    {
        fields = new object[]
        {
            new { name = "klass", kind = "one_choice", label = "Klass", required = true, options = new[] { "7A", "7B" } },
            new { name = "grans", kind = "integer", label = "Gräns", min = "0", max = "100", @default = defaultLimit },
        },
        files = new { minFiles = 0, maxFiles = 0 },
    };

    /// <summary>The first superuser's API session; the caller disposes it.</summary>
    public Task<ApiHelper> SuperuserAsync() =>
        ApiHelper.LoginAsync(fixture.Host.BaseAddress, BrowserFixture.SuperuserEmail, BrowserFixture.SuperuserPassword);

    /// <summary>The API session of an account this world made; the caller disposes it.</summary>
    public Task<ApiHelper> ApiAsync(string email) => ApiHelper.LoginAsync(fixture.Host.BaseAddress, email, Password);

    /// <summary>A new account of the role (user, contributor or admin) named <c>name-tag@skola.test</c>; returns the address.</summary>
    public async Task<string> AccountAsync(string role, string name)
    {
        var email = $"{name}-{Tag}@skola.test";
        using var superuser = await SuperuserAsync();
        await superuser.CreateUserAsync(email, Password, role);
        return email;
    }

    /// <summary>A new admin and a teachers' tool (slug <c>slug-tag</c>, title <c>title tag</c>) that admin made, without a version yet.</summary>
    public async Task<(string Admin, string ToolId)> AdminWithToolAsync(string slug, string title, string summary)
    {
        var admin = await AccountAsync("admin", "admin");
        using var api = await ApiAsync(admin);
        return (admin, await api.CreateToolAsync($"{slug}-{Tag}", $"{title} {Tag}", summary));
    }

    /// <summary>
    /// A new admin and a teachers' tool whose first draft that admin saved with this script and field/file declaration:
    /// where most studio walks begin.
    /// </summary>
    public async Task<(string Admin, string ToolId)> AdminWithDraftAsync(string slug, string title, string summary,
        string script, string changeSummary, object inputs)
    {
        var admin = await AccountAsync("admin", "admin");
        using var api = await ApiAsync(admin);
        return (admin, await api.CreateToolWithDraftAsync($"{slug}-{Tag}", $"{title} {Tag}", summary, script, changeSummary, inputs));
    }
}
