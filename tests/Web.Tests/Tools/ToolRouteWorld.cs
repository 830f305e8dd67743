using System.Net;
using System.Text.Json;
using static System.Net.HttpStatusCode;

namespace Skriptoteket.Web.Tests.Tools;

/// <summary>
/// A fresh set of objects owned by someone else than the caller under test: a published tool (active version,
/// a formerly active one, two drafts and two in-review versions by OtherContributor), an unpublished tool,
/// OtherContributor's pending suggestion, finished production run with one artifact and star on the published tool.
/// </summary>
internal sealed record ToolRouteWorld(
    string Tag,
    Guid ToolId,
    string Slug,
    Guid UnpublishedToolId,
    IReadOnlyList<Guid> VersionIds,
    Guid FormerActive,
    Guid Active,
    Guid DraftToSave,
    Guid DraftToSubmit,
    Guid InReviewForChanges,
    Guid InReviewToPublish,
    Guid SuggestionId,
    Guid RunId)
{
    public const string StdoutMarker = "matris-stdout";

    /// <summary>Writes one artifact; sleeps when the upload says "langsam", so that a run can be canceled while it lasts.</summary>
    public const string Script = """
        import time
        def run_tool(input_path, output_dir):
            if open(input_path, encoding="utf-8").read().strip() == "langsam":
                time.sleep(90)
            print("matris-stdout")
            with open(output_dir + "/resultat.txt", "w") as f:
                f.write("klart")
            return "<p>klart</p>"
        """;

    public static object Metadata(string slug, string title) => new
    {
        slug, title, summary = "Sammanställer en klasslista.", usageMarkdown = "",
        professions = new[] { "larare" }, categories = new[] { "administration" },
    };

    public static object Suggestion(string title) =>
        new { title, description = "Läser en export och visar en tabell.", professions = new[] { "larare" }, categories = new[] { "administration" } };

    public static async Task<ToolRouteWorld> BuildAsync(ToolsApiHostFixture fixture)
    {
        var (admin, author) = (fixture.Admin, fixture.OtherContributor);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var slug = $"matris-{tag}";
        var toolId = Id(await admin.ExpectAsync(Created, admin.PostAsync("api/v1/tools", Metadata(slug, $"Matrisverktyg {tag}"))));

        var v1 = Id(await author.ExpectAsync(Created, author.PostAsync($"api/v1/tools/{toolId}/versions", new { })));
        var v2 = Id(await author.ExpectAsync(Created, author.PostAsync($"api/v1/tool-versions/{v1}",
            new { baseVersionId = v1, source = Script, changeSummary = "Matris" })));
        var v3 = await ReviewAndPublishAsync(fixture, v2);
        var v4 = await DraftAsync(author, toolId, v3);
        var v5 = await ReviewAndPublishAsync(fixture, v4);
        await admin.ExpectAsync(OK, admin.PostAsync($"api/v1/tools/{toolId}/publish"));
        await author.ExpectAsync(NoContent, author.SendAsync(HttpMethod.Put, $"api/v1/me/favorites/{toolId}"));

        var (d1, d2, r1, r2) = (await DraftAsync(author, toolId, v5), await DraftAsync(author, toolId, v5),
            await DraftAsync(author, toolId, v5), await DraftAsync(author, toolId, v5));
        await author.ExpectAsync(OK, author.PostAsync($"api/v1/tool-versions/{r1}/submit-review", new { reviewNote = "Titta" }));
        await author.ExpectAsync(OK, author.PostAsync($"api/v1/tool-versions/{r2}/submit-review", new { reviewNote = "Titta" }));

        var unpublished = Id(await admin.ExpectAsync(Created, admin.PostAsync("api/v1/tools", Metadata($"{slug}-dold", $"Dolt verktyg {tag}"))));
        var suggestion = Id(await author.ExpectAsync(Created, author.PostAsync("api/v1/suggestions", Suggestion($"Förslag {tag}"))));
        var started = await author.ExpectAsync(Accepted, author.PostFileAsync($"api/v1/tools/{slug}/run", "elever.csv", "namn\nAda"));
        var run = await WaitForFinishedAsync(author, started.GetProperty("runId").GetGuid());
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Single(run.GetProperty("artifacts").EnumerateArray());

        return new ToolRouteWorld(tag, toolId, slug, unpublished, [v1, v2, v3, v4, v5, d1, d2, r1, r2], v3, v5, d1, d2, r1, r2,
            suggestion, run.GetProperty("runId").GetGuid());
    }

    /// <summary>Re-reads the run until it is final (the API has no push; pages use observers).</summary>
    public static Task<JsonElement> WaitForFinishedAsync(ApiSession session, Guid runId) =>
        Eventually.GetAsync(() => session.ExpectAsync(OK, session.GetAsync($"api/v1/tool-runs/{runId}")),
            run => run.GetProperty("isFinished").GetBoolean(), TimeSpan.FromSeconds(90), $"run {runId} final");

    public static Guid Id(JsonElement json) => json.GetProperty("id").GetGuid();

    private static async Task<Guid> DraftAsync(ApiSession author, Guid toolId, Guid from) =>
        Id(await author.ExpectAsync(Created, author.PostAsync($"api/v1/tools/{toolId}/versions", new { derivedFrom = from })));

    /// <summary>OtherContributor submits, Admin publishes: returns the new active record.</summary>
    private static async Task<Guid> ReviewAndPublishAsync(ToolsApiHostFixture fixture, Guid draft)
    {
        await fixture.OtherContributor.ExpectAsync(OK, fixture.OtherContributor.PostAsync($"api/v1/tool-versions/{draft}/submit-review", new { reviewNote = "Klar" }));
        return Id(await fixture.Admin.ExpectAsync(OK, fixture.Admin.PostAsync($"api/v1/tool-versions/{draft}/publish")));
    }
}
