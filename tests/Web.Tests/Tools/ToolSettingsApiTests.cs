using System.Net;
using System.Text.Json;

namespace Skriptoteket.Web.Tests.Tools;

/// <summary>
/// Per-person settings through the JSON API on the real host: each person reads and saves only their own, values are
/// refused in Swedish by the run's field rules, the author's sandbox settings are apart, and after a new version no
/// longer fits a saved value the next read names it once.
/// </summary>
public sealed class ToolSettingsApiTests(IdentityHostFixture fixture) : IClassFixture<IdentityHostFixture>
{
    private const string Script = "def run_tool(input_path, output_dir):\n    return '<p>Klar</p>'\n";

    private static object Inputs(params object[] settings) => new
    {
        fields = Array.Empty<object>(),
        files = new { minFiles = 0, maxFiles = 1 },
        settings,
    };

    private static readonly object Signature = new { name = "signatur", kind = "short_text", label = "Signatur", max = "10" };
    private static readonly object Level = new { name = "niva", kind = "one_choice", label = "Nivå", @default = "A", options = new[] { "A", "B" } };

    [Fact]
    public async Task A_teacher_saves_own_settings_refusals_are_Swedish_and_another_teacher_sees_only_their_own()
    {
        using var admin = await fixture.SuperuserAsync();
        var (slug, _, _) = await PublishedToolAsync(admin, Inputs(Signature, Level));
        using var teacher = await fixture.LoginAsNewAsync("user");
        using var other = await fixture.LoginAsNewAsync("user");

        var fresh = await teacher.GetAsync($"api/v1/tools/{slug}/settings").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["signatur", "niva"], fresh.GetProperty("declaration").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal("""{"signatur":null,"niva":"A"}""", fresh.GetProperty("values").GetRawText());

        var refused = await teacher.SendAsync(HttpMethod.Put, $"api/v1/tools/{slug}/settings", new { values = new { signatur = "för lång signatur", niva = "C" } })
            .ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal("Signatur: högst 10 tecken. Nivå: \"C\" finns inte bland alternativen.", refused.GetProperty("error").GetProperty("message").GetString());
        await teacher.SendAsync(HttpMethod.Put, $"api/v1/tools/{slug}/settings", new { values = "inte ett objekt" })
            .ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");

        var saved = await teacher.SendAsync(HttpMethod.Put, $"api/v1/tools/{slug}/settings", new { values = new { signatur = "AB", niva = "B" } })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("""{"signatur":"AB","niva":"B"}""", saved.GetProperty("values").GetRawText());
        Assert.Equal("""{"signatur":"AB","niva":"B"}""", (await teacher.GetAsync($"api/v1/tools/{slug}/settings").ExpectAsync(HttpStatusCode.OK)).GetProperty("values").GetRawText());
        Assert.Equal("""{"signatur":null,"niva":"A"}""", (await other.GetAsync($"api/v1/tools/{slug}/settings").ExpectAsync(HttpStatusCode.OK)).GetProperty("values").GetRawText());
    }

    [Fact]
    public async Task Sandbox_settings_are_the_author_s_own_and_a_changed_declaration_names_the_dropped_value_once()
    {
        using var admin = await fixture.SuperuserAsync();
        var (slug, toolId, active) = await PublishedToolAsync(admin, Inputs(Signature, Level));
        using var teacher = await fixture.LoginAsNewAsync("user");
        await teacher.SendAsync(HttpMethod.Put, $"api/v1/tools/{slug}/settings", new { values = new { signatur = "AB", niva = "B" } })
            .ExpectAsync(HttpStatusCode.OK);

        // The author tests a new version in the sandbox with settings of their own: the teacher's stay as they were.
        var draft = (await admin.SendAsync(HttpMethod.Post, $"api/v1/tools/{toolId}/versions", new { derivedFrom = active }).ExpectAsync(HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var next = await SaveAsync(admin, draft, Inputs(new { name = "niva", kind = "one_choice", label = "Nivå", @default = "A", options = new[] { "A", "C" } }));
        var sandbox = await admin.SendAsync(HttpMethod.Put, $"api/v1/tool-versions/{next}/sandbox-settings", new { values = new { niva = "C" } })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("""{"niva":"C"}""", sandbox.GetProperty("values").GetRawText());
        await teacher.GetAsync($"api/v1/tool-versions/{next}/sandbox-settings").ExpectAsync(HttpStatusCode.Forbidden, "FORBIDDEN");

        await PublishAsync(admin, next);
        var told = await teacher.GetAsync($"api/v1/tools/{slug}/settings").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["Nivå", "Signatur"], told.GetProperty("dropped").EnumerateArray().Select(d => d.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal("""{"niva":"A"}""", told.GetProperty("values").GetRawText());
        Assert.Empty((await teacher.GetAsync($"api/v1/tools/{slug}/settings").ExpectAsync(HttpStatusCode.OK)).GetProperty("dropped").EnumerateArray());
    }

    private static object Metadata() => new
    {
        slug = "install-" + Guid.NewGuid().ToString("N")[..10], title = "Inställningsverktyg", summary = "", usageMarkdown = "",
        professions = new[] { "larare" }, categories = new[] { "administration" },
    };

    /// <summary>A published tool whose active version declares <paramref name="inputs"/>.</summary>
    private static async Task<(string Slug, Guid ToolId, Guid Active)> PublishedToolAsync(ApiUser admin, object inputs)
    {
        var tool = await admin.SendAsync(HttpMethod.Post, "api/v1/tools", Metadata()).ExpectAsync(HttpStatusCode.Created);
        var toolId = tool.GetProperty("id").GetGuid();
        var draft = await admin.SendAsync(HttpMethod.Post, $"api/v1/tools/{toolId}/versions", new { }).ExpectAsync(HttpStatusCode.Created);
        var active = await PublishAsync(admin, await SaveAsync(admin, draft.GetProperty("id").GetGuid(), inputs));
        await admin.SendAsync(HttpMethod.Post, $"api/v1/tools/{toolId}/publish", new { }).ExpectAsync(HttpStatusCode.OK);
        return (tool.GetProperty("metadata").GetProperty("slug").GetString()!, toolId, active);
    }

    private static async Task<Guid> SaveAsync(ApiUser admin, Guid draftId, object inputs) =>
        (await admin.SendAsync(HttpMethod.Post, $"api/v1/tool-versions/{draftId}",
            new { baseVersionId = draftId, source = Script, changeSummary = "Inställningar", inputs }).ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static async Task<Guid> PublishAsync(ApiUser admin, Guid id)
    {
        await admin.SendAsync(HttpMethod.Post, $"api/v1/tool-versions/{id}/submit-review", new { }).ExpectAsync(HttpStatusCode.OK);
        return (await admin.SendAsync(HttpMethod.Post, $"api/v1/tool-versions/{id}/publish", new { }).ExpectAsync(HttpStatusCode.OK)).GetProperty("id").GetGuid();
    }
}
