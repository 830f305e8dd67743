using System.IO.Compression;
using System.Net;
using System.Text.Json;
using static System.Net.HttpStatusCode;

namespace Skriptoteket.Web.Tests.Tools;

/// <summary>The tools JSON API per role, with real login, sessions and CSRF tokens against the real host.</summary>
public sealed class ToolsApiTests(ToolsApiHostFixture fixture) : IClassFixture<ToolsApiHostFixture>
{
    private static object Suggestion(string title) =>
        new { title, description = "Läser en export och visar en tabell.", professions = new[] { "larare" }, categories = new[] { "administration" } };

    [Fact]
    public async Task Anonymous_callers_get_401_and_users_403_on_author_and_admin_endpoints()
    {
        using var anonymous = ApiSession.NewClient(fixture.Host.BaseAddress);
        foreach (var path in new[] { "api/v1/tools", "api/v1/catalog/professions", "api/v1/suggestions", $"api/v1/tools/{Guid.NewGuid()}" })
        {
            using var response = await anonymous.GetAsync(path);
            Assert.Equal(Unauthorized, response.StatusCode);
        }
        var u = fixture.User;
        await u.ExpectAsync(Forbidden, u.GetAsync("api/v1/tools"));
        await u.ExpectAsync(Forbidden, u.PostAsync("api/v1/suggestions", Suggestion("Nej")));
        await u.ExpectAsync(Forbidden, u.GetAsync($"api/v1/tool-versions/{Guid.NewGuid()}"));
        await fixture.Contributor.ExpectAsync(Forbidden, fixture.Contributor.GetAsync("api/v1/suggestions?scope=queue"));
        await fixture.Contributor.ExpectAsync(Forbidden, fixture.Contributor.PostAsync("api/v1/tools", new { slug = "x" }));
    }

    [Fact]
    public async Task Suggest_accept_author_review_publish_browse_export_and_roll_back()
    {
        var (su, admin, author, other, user) = (fixture.Superuser, fixture.Admin, fixture.Contributor, fixture.OtherContributor, fixture.User);
        var title = "Betygsöversikt " + Guid.NewGuid().ToString("N")[..6];

        var suggestion = await author.ExpectAsync(Created, author.PostAsync("api/v1/suggestions", Suggestion(title)));
        var suggestionId = suggestion.GetProperty("id").GetGuid();
        Assert.Contains(Ids(await author.ExpectAsync(OK, author.GetAsync("api/v1/suggestions"))), id => id == suggestionId);
        await other.ExpectAsync(NotFound, other.GetAsync($"api/v1/suggestions/{suggestionId}"));
        Assert.Contains(Ids(await admin.ExpectAsync(OK, admin.GetAsync("api/v1/suggestions?scope=queue"))), id => id == suggestionId);
        await author.ExpectAsync(Forbidden, author.PostAsync($"api/v1/suggestions/{suggestionId}/decision", new { kind = "accept", rationale = "ja" }));

        var decided = await admin.ExpectAsync(OK, admin.PostAsync($"api/v1/suggestions/{suggestionId}/decision", new { kind = "accept", rationale = "Bra" }));
        Assert.Equal("accepted", decided.GetProperty("status").GetString());
        Assert.Equal(2, decided.GetProperty("history").GetArrayLength());
        await admin.ExpectAsync(Conflict, admin.PostAsync($"api/v1/suggestions/{suggestionId}/decision", new { kind = "deny", rationale = "nej" }));
        var toolId = decided.GetProperty("toolId").GetGuid();
        Assert.Contains(Ids(await admin.ExpectAsync(OK, admin.GetAsync("api/v1/tools"))), id => id == toolId);
        await user.ExpectAsync(NotFound, user.GetAsync($"api/v1/tools/{toolId}"));

        var draft = await author.ExpectAsync(Created, author.PostAsync($"api/v1/tools/{toolId}/versions", new { }));
        var draftId = draft.GetProperty("id").GetGuid();
        Assert.Equal("draft", draft.GetProperty("state").GetString());
        await other.ExpectAsync(NotFound, other.GetAsync($"api/v1/tool-versions/{draftId}"));
        Assert.Equal(0, (await other.ExpectAsync(OK, other.GetAsync($"api/v1/tools/{toolId}/versions"))).GetArrayLength());
        await user.ExpectAsync(Forbidden, user.GetAsync($"api/v1/tool-versions/{draftId}"));
        await author.ExpectAsync(NotFound, author.GetAsync($"api/v1/tool-versions/{Guid.NewGuid()}"));

        var source = "def run_tool(input_path, output_dir):\n    return '<p>hej</p>'\n";
        var saved = await author.ExpectAsync(Created, author.PostAsync($"api/v1/tool-versions/{draftId}",
            new { baseVersionId = draftId, source, changeSummary = "Enklare" }));
        var savedId = saved.GetProperty("id").GetGuid();
        await author.ExpectAsync(Conflict, author.PostAsync($"api/v1/tool-versions/{draftId}", new { baseVersionId = draftId, source = "x" }));
        Assert.Equal(source, (await author.ExpectAsync(OK, author.GetAsync($"api/v1/tool-versions/{savedId}"))).GetProperty("source").GetString());

        using (var noCsrf = ApiSession.NewClient(fixture.Host.BaseAddress))
        {
            // Without a session the CSRF filter does not apply; the call is refused as unauthenticated.
            using var response = await noCsrf.PostAsync($"api/v1/tool-versions/{savedId}/submit-review", null);
            Assert.Equal(Unauthorized, response.StatusCode);
        }
        await author.ExpectAsync(OK, author.PostAsync($"api/v1/tool-versions/{savedId}/submit-review", new { reviewNote = "Klar" }));
        await author.ExpectAsync(Forbidden, author.PostAsync($"api/v1/tool-versions/{savedId}/publish"));
        await admin.ExpectAsync(BadRequest, admin.PostAsync($"api/v1/tools/{toolId}/publish"));
        var active = await admin.ExpectAsync(OK, admin.PostAsync($"api/v1/tool-versions/{savedId}/publish"));
        Assert.Equal("active", active.GetProperty("state").GetString());
        var published = await admin.ExpectAsync(OK, admin.PostAsync($"api/v1/tools/{toolId}/publish"));
        Assert.True(published.GetProperty("isPublished").GetBoolean());

        var profession = await user.ExpectAsync(OK, user.GetAsync("api/v1/catalog/professions/larare"));
        Assert.Contains(profession.GetProperty("categories").EnumerateArray().SelectMany(c => c.GetProperty("tools").EnumerateArray()),
            t => t.GetProperty("id").GetGuid() == toolId);
        Assert.Single((await user.ExpectAsync(OK, user.GetAsync($"api/v1/catalog/search?q={Uri.EscapeDataString(title)}"))).EnumerateArray());
        await user.ExpectAsync(NotFound, user.GetAsync("api/v1/catalog/professions/okand"));
        await user.ExpectAsync(OK, user.GetAsync($"api/v1/tools/{toolId}"));

        using (var export = await admin.GetAsync($"api/v1/tool-versions/{active.GetProperty("id").GetGuid()}/export"))
        {
            Assert.Equal("application/zip", export.Content.Headers.ContentType?.MediaType);
            using var zip = new ZipArchive(await export.Content.ReadAsStreamAsync());
            var slug = published.GetProperty("metadata").GetProperty("slug").GetString();
            using var script = new StreamReader(zip.GetEntry($"{slug}.py")!.Open());
            Assert.Equal(source, await script.ReadToEndAsync());
            using var meta = JsonDocument.Parse(zip.GetEntry("metadata.json")!.Open());
            Assert.Equal(title, meta.RootElement.GetProperty("tool").GetProperty("title").GetString());
        }

        var v2 = await admin.ExpectAsync(Created, admin.PostAsync($"api/v1/tools/{toolId}/versions", new { derivedFrom = active.GetProperty("id").GetGuid() }));
        var v2Id = v2.GetProperty("id").GetGuid();
        await admin.ExpectAsync(OK, admin.PostAsync($"api/v1/tool-versions/{v2Id}/submit-review"));
        await admin.ExpectAsync(OK, admin.PostAsync($"api/v1/tool-versions/{v2Id}/publish"));
        await admin.ExpectAsync(Forbidden, admin.PostAsync($"api/v1/tools/{toolId}/rollback", new { versionId = active.GetProperty("id").GetGuid() }));
        var rolledBack = await su.ExpectAsync(OK, su.PostAsync($"api/v1/tools/{toolId}/rollback", new { versionId = active.GetProperty("id").GetGuid() }));
        Assert.Equal(active.GetProperty("id").GetGuid(), rolledBack.GetProperty("derivedFrom").GetGuid());

        await admin.ExpectAsync(OK, admin.PostAsync($"api/v1/tools/{toolId}/depublish"));
        await user.ExpectAsync(NotFound, user.GetAsync($"api/v1/tools/{toolId}"));
    }

    private static IEnumerable<Guid> Ids(JsonElement array) => array.EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
}
