using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Skriptoteket.Integration.Tests;

/// <summary>
/// The shipped example tools are loaded only when asked for (Installation:LoadExampleTools), once, published and
/// runnable; a second start with the setting leaves them as they are.
/// </summary>
public sealed class ExampleToolsTests : HostTestBase
{
    private const string Slugs = "('betygsstatistik', 'gruppindelning', 'klassdelning', 'ordraknare')";
    private const long Shipped = 4;

    [Fact]
    public async Task Example_tools_are_published_once_when_asked_for_and_run()
    {
        var plain = await StartHostAsync();
        Assert.Equal(0L, await Database.ScalarAsync<long>($"SELECT count(*) FROM tools WHERE slug IN {Slugs}"));
        await plain.StopAsync();

        var settings = new Dictionary<string, string> { ["Installation__LoadExampleTools"] = "true" };
        var host = await StartHostAsync(settings);
        await Eventually.UntilAsync(async () => await Database.ScalarAsync<long>(
            $"SELECT count(*) FROM tools WHERE slug IN {Slugs} AND is_published AND active_version_id IS NOT NULL") == Shipped, TimeSpan.FromSeconds(90));
        Assert.Equal(Shipped, await Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_log WHERE action = 'tool.created' AND details->>'slug' IN {Slugs}"));
        // Each has its reviewed version and the active copy of it, and no draft left behind (it had a "v1 Utkast").
        Assert.Equal(0L, await Database.ScalarAsync<long>(
            $"SELECT count(*) FROM tool_versions v JOIN tools t ON t.id = v.tool_id WHERE t.slug IN {Slugs} AND v.state = 'draft'"));
        Assert.Equal("1:archived,2:active", await Database.ScalarAsync<string>(
            $"SELECT string_agg(v.number || ':' || v.state, ',' ORDER BY v.number) FROM tool_versions v JOIN tools t ON t.id = v.tool_id WHERE t.slug = 'ordraknare'"));

        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = host.BaseAddress };
        var login = await (await http.PostAsJsonAsync("api/v1/auth/login",
            new { email = "drift@integration.test", password = "Driftens-långa-lösenord-7" })).Content.ReadFromJsonAsync<JsonElement>();
        var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/tools/gruppindelning/run")
        {
            Content = new MultipartFormDataContent
            {
                { new ByteArrayContent("namn\nAda\nBo\nCeylan\nDavid\nElin\n"u8.ToArray()), "files", "klass.csv" },
                { new StringContent("""{"gruppstorlek": 2}"""), "fields" },
            },
        };
        request.Headers.Add("X-CSRF-TOKEN", login.GetProperty("csrfToken").GetString());
        using var started = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid();
        JsonElement run = default;
        await Eventually.UntilAsync(async () =>
        {
            run = await http.GetFromJsonAsync<JsonElement>($"api/v1/tool-runs/{runId}");
            return run.GetProperty("isFinished").GetBoolean();
        }, TimeSpan.FromSeconds(90));
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal(["notice", "markdown", "table"], run.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("kind").GetString()));
        // The declared field reached the script through the helper module: two groups of two or three.
        Assert.Equal("5 elever i 2 grupper om 2–3.", run.GetProperty("blocks")[0].GetProperty("text").GetString());
        await TheClassSplitExampleTakesItsThreeStepsTheSameWayAgainAsync(http, login.GetProperty("csrfToken").GetString()!);
        await host.StopAsync();

        var again = await StartHostAsync(settings);
        // The loader runs right after the silo is up and says of each shipped tool that it is left as it is.
        await Eventually.UntilAsync(() => again.LinesAbout("already exists; left as it is").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length == Shipped,
            TimeSpan.FromSeconds(60));
        Assert.Equal(Shipped, await Database.ScalarAsync<long>($"SELECT count(*) FROM tools WHERE slug IN {Slugs}"));
    }

    /// <summary>
    /// The class split's shipped example lists its steps (tool.json "steps"): its first check, queued when the loader
    /// submitted the version, takes the first run and both steps; accepted as expected, a check of a fresh save of the
    /// same script is unchanged, so the whole sequence gives the same result each time.
    /// </summary>
    private async Task TheClassSplitExampleTakesItsThreeStepsTheSameWayAgainAsync(HttpClient http, string csrf)
    {
        var toolId = await Database.ScalarAsync<Guid>("SELECT id FROM tools WHERE slug = 'klassdelning'");
        var reviewed = await Database.ScalarAsync<Guid>(
            $"SELECT id FROM tool_versions WHERE tool_id = '{toolId}' AND state = 'archived' ORDER BY number LIMIT 1");
        var first = await SettledCheckAsync(http, reviewed);
        Assert.Equal("no_expected", first.GetProperty("status").GetString());
        Assert.NotEqual(first.GetProperty("firstRunId").GetGuid(), first.GetProperty("runId").GetGuid());
        await SendAsync(http, csrf, HttpMethod.Post, $"api/v1/tools/{toolId}/examples/{first.GetProperty("exampleId").GetGuid()}/expected",
            new { runId = first.GetProperty("runId").GetGuid() });

        var active = await Database.ScalarAsync<Guid>($"SELECT active_version_id FROM tools WHERE id = '{toolId}'");
        var draft = (await SendAsync(http, csrf, HttpMethod.Post, $"api/v1/tools/{toolId}/versions", new { derivedFrom = active })).GetProperty("id").GetGuid();
        var source = await Database.ScalarAsync<string>($"SELECT source FROM tool_versions WHERE id = '{active}'");
        var saved = (await SendAsync(http, csrf, HttpMethod.Post, $"api/v1/tool-versions/{draft}",
            new { baseVersionId = draft, source, changeSummary = "Samma skript igen" })).GetProperty("id").GetGuid();
        var again = await SettledCheckAsync(http, saved);
        Assert.Equal("unchanged", again.GetProperty("status").GetString());
        Assert.Equal("gor_om", await Database.ScalarAsync<string>($"SELECT step_name FROM runs WHERE id = '{again.GetProperty("runId").GetGuid()}'"));
    }

    private static async Task<JsonElement> SettledCheckAsync(HttpClient http, Guid versionId) =>
        (await Eventually.GetAsync(() => http.GetFromJsonAsync<JsonElement>($"api/v1/tool-versions/{versionId}/example-checks"),
            checks => checks.GetArrayLength() == 1 && checks[0].GetProperty("status").GetString() != "pending",
            TimeSpan.FromMinutes(2), $"the class split's example check of {versionId} ends", TimeSpan.FromMilliseconds(500),
            describe: checks => checks.ToString()))[0];

    private static async Task<JsonElement> SendAsync(HttpClient http, string csrf, HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-TOKEN", csrf);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
