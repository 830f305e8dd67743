using System.Text.Json;
using Xunit.Abstractions;
using static System.Net.HttpStatusCode;
using static Skriptoteket.Web.Tests.Tools.Who;

namespace Skriptoteket.Web.Tests.Tools;

/// <summary>
/// Every tools, versions, suggestions, catalog, run and my-tools (favorites, recently used) route, called once by each role and by an anonymous caller
/// over real HTTP (real host, PostgreSQL and Docker), against objects owned by someone else (SPEC §1, §3–6):
/// role-gated routes answer 401/403, objects the caller may not see answer 404 (never 403), the rest succeed.
/// </summary>
public sealed partial class ToolRoutePermissionMatrixTests(ToolsApiHostFixture fixture, ITestOutputHelper output)
    : IClassFixture<ToolsApiHostFixture>
{
    [Theory]
    [InlineData(Anonymous)]
    [InlineData(User)]
    [InlineData(Contributor)]
    [InlineData(Maintainer)]
    [InlineData(Admin)]
    [InlineData(Superuser)]
    public async Task Each_role_gets_exactly_what_the_matrix_allows_on_every_tool_route(Who who)
    {
        var w = await ToolRouteWorld.BuildAsync(fixture);
        var me = who switch
        {
            Anonymous => ApiSession.Anonymous(fixture.Host.BaseAddress),
            Superuser => null,
            Maintainer => await fixture.CreateAsync("contributor"),
            _ => await fixture.CreateAsync(who.ToString().ToLowerInvariant()),
        };
        try
        {
            if (who == Maintainer)
            {
                await fixture.Admin.ExpectAsync(OK, fixture.Admin.PostAsync($"api/v1/tools/{w.ToolId}/maintainers", new { userId = me!.UserId }));
            }
            var m = new RouteMatrix(who, me ?? fixture.Superuser);
            await CatalogAndToolsAsync(m, w);
            await VersionsAsync(m, w);
            await SuggestionsAsync(m, w);
            await RunsAsync(m, w);
            await SessionsAsync(m, w);
            await MyToolsAsync(m, w);
            await SettingsAsync(m, w);
            await MaintainersAsync(m, w, fixture);
            await InsightsAsync(m, w);
            await m.CheckAsync("POST tools/{id}/depublish", m.Allowed(Admin, OK), s => s.PostAsync($"api/v1/tools/{w.ToolId}/depublish"));
            await m.CheckAsync("POST tools/{id}/publish", m.Allowed(Admin, OK), s => s.PostAsync($"api/v1/tools/{w.ToolId}/publish"));
            m.AssertAll(output.WriteLine);
        }
        finally
        {
            me?.Dispose();
        }
    }

    private static async Task CatalogAndToolsAsync(RouteMatrix m, ToolRouteWorld w)
    {
        await m.CheckAsync("GET catalog/professions", m.Allowed(User, OK), s => s.GetAsync("api/v1/catalog/professions"));
        var profession = await m.CheckAsync("GET catalog/professions/larare", m.Allowed(User, OK), s => s.GetAsync("api/v1/catalog/professions/larare"));
        var listed = profession.ValueKind == JsonValueKind.Object
            ? profession.GetProperty("categories").EnumerateArray().SelectMany(c => Ids(c.GetProperty("tools"))).ToList()
            : [];
        m.Holds("the profession lists the published tool, not the unpublished one",
            m.Can(User), listed.Contains(w.ToolId) && !listed.Contains(w.UnpublishedToolId));
        var found = Ids(await m.CheckAsync("GET catalog/search?q={tag}", m.Allowed(User, OK), s => s.GetAsync($"api/v1/catalog/search?q={w.Tag}")));
        m.Holds("search finds the published tool only", m.Can(User), found.SequenceEqual([w.ToolId]));

        var all = Ids(await m.CheckAsync("GET tools", m.Allowed(Admin, OK), s => s.GetAsync("api/v1/tools")));
        m.Holds("the admin list has both tools", m.Can(Admin), all.Contains(w.ToolId) && all.Contains(w.UnpublishedToolId));
        var tool = await m.CheckAsync("GET tools/{published}", m.Allowed(User, OK), s => s.GetAsync($"api/v1/tools/{w.ToolId}"));
        var shown = tool.ValueKind == JsonValueKind.Object ? Ids(tool.GetProperty("versions")) : [];
        m.Holds("the tool shows admins and its maintainers every version and others none of another's", m.Can(User),
            m.Can(Maintainer) ? w.VersionIds.All(shown.Contains) : shown.Count == 0);
        await m.CheckAsync("GET tools/{unpublished}", m.Hidden(User, Contributor, OK), s => s.GetAsync($"api/v1/tools/{w.UnpublishedToolId}"));
        await m.CheckAsync("GET tools/{unknown}", m.Nobody(User), s => s.GetAsync($"api/v1/tools/{Guid.NewGuid()}"));
        await m.CheckAsync("POST tools", m.Allowed(Admin, Created),
            s => s.PostAsync("api/v1/tools", ToolRouteWorld.Metadata($"{w.Slug}-ny", $"Nytt verktyg {w.Tag}")));
        await m.CheckAsync("PUT tools/{id} (same slug)", m.Allowed(Admin, OK),
            s => s.SendAsync(HttpMethod.Put, $"api/v1/tools/{w.ToolId}", ToolRouteWorld.Metadata(w.Slug, $"Matrisverktyg {w.Tag}")));
    }

    private static async Task VersionsAsync(RouteMatrix m, ToolRouteWorld w)
    {
        var before = Ids(await m.CheckAsync("GET tools/{id}/versions", m.Allowed(Contributor, OK), s => s.GetAsync($"api/v1/tools/{w.ToolId}/versions")));
        m.Holds("a contributor sees none of another's versions", m.Who == Contributor, before.Count == 0);
        m.Holds("admins and the tool's maintainers see every version", m.Can(Maintainer), w.VersionIds.All(before.Contains));
        var source = await m.CheckAsync("GET tool-versions/{other's draft}", m.Hidden(Contributor, Maintainer, OK), s => s.GetAsync($"api/v1/tool-versions/{w.DraftToSave}"));
        m.Holds("admins and maintainers read another's source", m.Can(Maintainer), Text(source, "source").Contains(ToolRouteWorld.StdoutMarker));
        await m.CheckAsync("GET tool-versions/{active, other's}", m.Hidden(Contributor, Maintainer, OK), s => s.GetAsync($"api/v1/tool-versions/{w.Active}"));
        await m.CheckAsync("GET tool-versions/{other's draft}/export", m.Hidden(Contributor, Maintainer, OK), s => s.GetAsync($"api/v1/tool-versions/{w.DraftToSave}/export"));
        await m.CheckAsync("GET tool-versions/{unknown}", m.Nobody(Contributor), s => s.GetAsync($"api/v1/tool-versions/{Guid.NewGuid()}"));

        await m.CheckAsync("POST tools/{id}/versions (derivedFrom other's)", m.Hidden(Contributor, Maintainer, Created),
            s => s.PostAsync($"api/v1/tools/{w.ToolId}/versions", new { derivedFrom = w.Active }));
        var own = IdOr(await m.CheckAsync("POST tools/{id}/versions", m.Allowed(Contributor, Created), s => s.PostAsync($"api/v1/tools/{w.ToolId}/versions", new { })), w.DraftToSave);
        var after = Ids(await m.CheckAsync("GET tools/{id}/versions (after own draft)", m.Allowed(Contributor, OK), s => s.GetAsync($"api/v1/tools/{w.ToolId}/versions")));
        m.Holds("a contributor's version list is exactly the own draft", m.Who == Contributor, after.SequenceEqual([own]));
        m.Holds("an admin's or maintainer's version list has every version and the own draft", m.Can(Maintainer), w.VersionIds.Append(own).All(after.Contains));
        await m.CheckAsync("GET tool-versions/{own draft}", m.Allowed(Contributor, OK), s => s.GetAsync($"api/v1/tool-versions/{own}"));
        await m.CheckAsync("GET tool-versions/{own draft}/export", m.Allowed(Contributor, OK), s => s.GetAsync($"api/v1/tool-versions/{own}/export"));

        var save = new { source = ToolRouteWorld.Script, changeSummary = "Matris" };
        await m.CheckAsync("POST tool-versions/{other's draft} (save)", m.Hidden(Contributor, Maintainer, Created),
            s => s.PostAsync($"api/v1/tool-versions/{w.DraftToSave}", new { baseVersionId = w.DraftToSave, save.source, save.changeSummary }));
        var saved = IdOr(await m.CheckAsync("POST tool-versions/{own draft} (save)", m.Allowed(Contributor, Created),
            s => s.PostAsync($"api/v1/tool-versions/{own}", new { baseVersionId = own, save.source, save.changeSummary })), w.DraftToSubmit);
        var othersSandbox = await m.CheckAsync("POST tool-versions/{other's draft}/run-sandbox", m.Hidden(Contributor, Maintainer, Accepted),
            s => s.PostFileAsync($"api/v1/tool-versions/{w.DraftToSubmit}/run-sandbox", "test.txt", "x"));
        if (othersSandbox.ValueKind == JsonValueKind.Object)
        {
            var run = await m.WaitForFinishedAsync(othersSandbox.GetProperty("runId").GetGuid());
            m.Holds("admins and maintainers see the stdout of their sandbox run of another's draft", true, Text(run, "stdout").Contains(ToolRouteWorld.StdoutMarker));
        }
        var sandbox = await m.CheckAsync("POST tool-versions/{own draft}/run-sandbox", m.Allowed(Contributor, Accepted),
            s => s.PostFileAsync($"api/v1/tool-versions/{saved}/run-sandbox", "test.txt", "x"));
        if (sandbox.ValueKind == JsonValueKind.Object)
        {
            var run = await m.WaitForFinishedAsync(sandbox.GetProperty("runId").GetGuid());
            m.Holds("the author sees the own sandbox run's stdout", true, Text(run, "stdout").Contains(ToolRouteWorld.StdoutMarker));
        }
        await m.CheckAsync("POST tool-versions/{other's draft}/submit-review", m.Hidden(Contributor, Maintainer, OK),
            s => s.PostAsync($"api/v1/tool-versions/{w.DraftToSubmit}/submit-review", new { reviewNote = "Klar" }));
        await m.CheckAsync("POST tool-versions/{own draft}/submit-review", m.Allowed(Contributor, OK),
            s => s.PostAsync($"api/v1/tool-versions/{saved}/submit-review", new { reviewNote = "Klar" }));
        await m.CheckAsync("POST tool-versions/{in review}/request-changes", m.Allowed(Admin, OK),
            s => s.PostAsync($"api/v1/tool-versions/{w.InReviewForChanges}/request-changes", new { reviewNote = "Mer" }));
        await m.CheckAsync("POST tool-versions/{in review}/publish", m.Allowed(Admin, OK), s => s.PostAsync($"api/v1/tool-versions/{w.InReviewToPublish}/publish"));
        await m.CheckAsync("POST tools/{id}/rollback", m.Allowed(Superuser, OK), s => s.PostAsync($"api/v1/tools/{w.ToolId}/rollback", new { versionId = w.FormerActive }));
    }

    /// <summary>
    /// Issue 22: the examples of the published tool (its maintainers and admins manage them; refused on the
    /// unpublished tool, which the maintainer does not maintain), naming and removing maintainers, "Mina verktyg".
    /// </summary>
    private static async Task MaintainersAsync(RouteMatrix m, ToolRouteWorld w, ToolsApiHostFixture fixture)
    {
        var file = new[] { new { name = "elever.csv", contentBase64 = Convert.ToBase64String("namn\nAda"u8.ToArray()) } };
        var example = await m.CheckAsync("POST tools/{id}/examples", m.Allowed(Maintainer, Created),
            s => s.PostAsync($"api/v1/tools/{w.ToolId}/examples", new { name = $"Exempel {m.Who}", files = file }));
        var exampleId = IdOr(example, Guid.NewGuid());
        await m.CheckAsync("POST tools/{id}/examples/{own}/rename", m.Allowed(Maintainer, OK),
            s => s.PostAsync($"api/v1/tools/{w.ToolId}/examples/{exampleId}/rename", new { name = $"Exempel {m.Who} 2" }));
        await m.CheckAsync("DELETE tools/{id}/examples/{own}", m.Allowed(Maintainer, NoContent),
            s => s.SendAsync(HttpMethod.Delete, $"api/v1/tools/{w.ToolId}/examples/{exampleId}"));
        await m.CheckAsync("POST tools/{unpublished, not maintained}/examples", m.Allowed(Admin, Created),
            s => s.PostAsync($"api/v1/tools/{w.UnpublishedToolId}/examples", new { name = $"Exempel {m.Who}", files = file }));
        await m.CheckAsync("POST tools/{unpublished, not maintained}/versions", m.Allowed(Contributor, Created),
            s => s.PostAsync($"api/v1/tools/{w.UnpublishedToolId}/versions", new { }));

        var mine = Ids(await m.CheckAsync("GET my-tools", m.Allowed(Contributor, OK), s => s.GetAsync("api/v1/my-tools")));
        m.Holds("my-tools is exactly the maintained tool", m.Who == Maintainer, mine.SequenceEqual([w.ToolId]));
        m.Holds("my-tools is empty for those who maintain nothing", m.Who is Contributor or Admin or Superuser, mine.Count == 0);
        var named = await m.CheckAsync("POST tools/{id}/maintainers", m.Allowed(Admin, OK),
            s => s.PostAsync($"api/v1/tools/{w.ToolId}/maintainers", new { userId = fixture.OtherContributor.UserId }));
        m.Holds("the tool names the new maintainer", m.Can(Admin), MaintainerIds(named).Contains(fixture.OtherContributor.UserId));
        await m.CheckAsync("POST tools/{id}/maintainers (a plain user)", m.Can(Admin) ? BadRequest : m.Allowed(Admin, OK),
            s => s.PostAsync($"api/v1/tools/{w.ToolId}/maintainers", new { userId = fixture.User.UserId }));
        await m.CheckAsync("DELETE tools/{id}/maintainers/{userId}", m.Allowed(Admin, OK),
            s => s.SendAsync(HttpMethod.Delete, $"api/v1/tools/{w.ToolId}/maintainers/{fixture.OtherContributor.UserId}"));
    }

    private static async Task SuggestionsAsync(RouteMatrix m, ToolRouteWorld w)
    {
        var mine = IdOr(await m.CheckAsync("POST suggestions", m.Allowed(Contributor, Created),
            s => s.PostAsync("api/v1/suggestions", ToolRouteWorld.Suggestion($"Mitt förslag {w.Tag}"))), w.SuggestionId);
        foreach (var path in new[] { "suggestions", "suggestions?scope=mine" })
        {
            var listed = Ids(await m.CheckAsync($"GET {path}", m.Allowed(Contributor, OK), s => s.GetAsync($"api/v1/{path}")));
            m.Holds($"{path} has the own suggestion and not another's", m.Can(Contributor), listed.Contains(mine) && !listed.Contains(w.SuggestionId));
        }
        var queue = Ids(await m.CheckAsync("GET suggestions?scope=queue", m.Allowed(Admin, OK), s => s.GetAsync("api/v1/suggestions?scope=queue")));
        m.Holds("the queue has another's pending suggestion", m.Can(Admin), queue.Contains(w.SuggestionId));
        await m.CheckAsync("GET suggestions/{other's}", m.Hidden(Contributor, Admin, OK), s => s.GetAsync($"api/v1/suggestions/{w.SuggestionId}"));
        await m.CheckAsync("GET suggestions/{own}", m.Allowed(Contributor, OK), s => s.GetAsync($"api/v1/suggestions/{mine}"));
        await m.CheckAsync("GET suggestions/{unknown}", m.Nobody(Contributor), s => s.GetAsync($"api/v1/suggestions/{Guid.NewGuid()}"));
        await m.CheckAsync("POST suggestions/{other's}/decision", m.Allowed(Admin, OK),
            s => s.PostAsync($"api/v1/suggestions/{w.SuggestionId}/decision", new { kind = "accept", rationale = "Bra" }));
    }

    /// <summary>Favorites and recently used: every role has its own lists, of published tools only; no route reaches another's.</summary>
    private static async Task MyToolsAsync(RouteMatrix m, ToolRouteWorld w)
    {
        var before = Ids(await m.CheckAsync("GET me/favorites", m.Allowed(User, OK), s => s.GetAsync("api/v1/me/favorites")));
        m.Holds("me/favorites does not hold another's favorite", m.Can(User), !before.Contains(w.ToolId));
        await m.CheckAsync("PUT me/favorites/{published}", m.Allowed(User, NoContent), s => s.SendAsync(HttpMethod.Put, $"api/v1/me/favorites/{w.ToolId}"));
        await m.CheckAsync("PUT me/favorites/{published} (again)", m.Allowed(User, NoContent), s => s.SendAsync(HttpMethod.Put, $"api/v1/me/favorites/{w.ToolId}"));
        await m.CheckAsync("PUT me/favorites/{unpublished}", m.Nobody(User), s => s.SendAsync(HttpMethod.Put, $"api/v1/me/favorites/{w.UnpublishedToolId}"));
        await m.CheckAsync("PUT me/favorites/{unknown}", m.Nobody(User), s => s.SendAsync(HttpMethod.Put, $"api/v1/me/favorites/{Guid.NewGuid()}"));
        var starred = Ids(await m.CheckAsync("GET me/favorites (after starring)", m.Allowed(User, OK), s => s.GetAsync("api/v1/me/favorites")));
        m.Holds("me/favorites has the starred tool once and never the unpublished one", m.Can(User),
            starred.Count(id => id == w.ToolId) == 1 && !starred.Contains(w.UnpublishedToolId));
        var recent = Ids(await m.CheckAsync("GET me/recent-tools", m.Allowed(User, OK), s => s.GetAsync("api/v1/me/recent-tools")));
        m.Holds("me/recent-tools starts with the tool the caller just ran", m.Can(User), recent.FirstOrDefault() == w.ToolId);
        await m.CheckAsync("DELETE me/favorites/{published}", m.Allowed(User, NoContent), s => s.SendAsync(HttpMethod.Delete, $"api/v1/me/favorites/{w.ToolId}"));
        await m.CheckAsync("DELETE me/favorites/{published} (again)", m.Allowed(User, NoContent), s => s.SendAsync(HttpMethod.Delete, $"api/v1/me/favorites/{w.ToolId}"));
        var after = Ids(await m.CheckAsync("GET me/favorites (after unstarring)", m.Allowed(User, OK), s => s.GetAsync("api/v1/me/favorites")));
        m.Holds("me/favorites no longer has the tool", m.Can(User), !after.Contains(w.ToolId));
    }

    /// <summary>
    /// Insights (the grain's one rule): admins for every tool, the tool's maintainer for it; the overview for admins.
    /// An unknown tool is 404 only to those who may see every tool's insights.
    /// </summary>
    private static async Task InsightsAsync(RouteMatrix m, ToolRouteWorld w)
    {
        var tool = await m.CheckAsync("GET tools/{id}/insights", m.Allowed(Maintainer, OK), s => s.GetAsync($"api/v1/tools/{w.ToolId}/insights"));
        m.Holds("the tool's insights count its finished production run", m.Can(Maintainer),
            tool.ValueKind == JsonValueKind.Object && tool.GetProperty("total").GetProperty("finished").GetInt64() >= 1);
        var text = tool.ValueKind == JsonValueKind.Object ? tool.GetRawText() : "";
        m.Holds("the insights name no requester and no file", m.Can(Maintainer),
            !text.Contains("elever.csv") && !text.Contains("requestedBy", StringComparison.OrdinalIgnoreCase));
        await m.CheckAsync("GET tools/{unknown}/insights", m.Nobody(Admin), s => s.GetAsync($"api/v1/tools/{Guid.NewGuid()}/insights"));
        var overview = await m.CheckAsync("GET insights", m.Allowed(Admin, OK), s => s.GetAsync("api/v1/insights"));
        m.Holds("the overview lists the tool", m.Can(Admin), overview.ValueKind == JsonValueKind.Object
            && Ids(overview.GetProperty("tools"), "toolId").Contains(w.ToolId));
    }

    private static string Text(JsonElement json, string property) =>
        json.ValueKind == JsonValueKind.Object ? json.GetProperty(property).GetString() ?? "" : "";

    private static List<Guid> Ids(JsonElement array, string property = "id") =>
        array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().Select(e => e.GetProperty(property).GetGuid()).ToList() : [];

    private static List<Guid> MaintainerIds(JsonElement tool) =>
        tool.ValueKind == JsonValueKind.Object ? tool.GetProperty("maintainers").EnumerateArray().Select(e => e.GetGuid()).ToList() : [];

    /// <summary>The id of what the caller created; a world object when the caller may not create (its calls are refused anyway).</summary>
    private static Guid IdOr(JsonElement created, Guid fallback) =>
        created.ValueKind == JsonValueKind.Object ? created.GetProperty("id").GetGuid() : fallback;
}
