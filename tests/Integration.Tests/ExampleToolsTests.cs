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
        await host.StopAsync();

        var again = await StartHostAsync(settings);
        // The loader runs right after the silo is up and says of each shipped tool that it is left as it is.
        await Eventually.UntilAsync(() => again.LinesAbout("already exists; left as it is").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length == Shipped,
            TimeSpan.FromSeconds(60));
        Assert.Equal(Shipped, await Database.ScalarAsync<long>($"SELECT count(*) FROM tools WHERE slug IN {Slugs}"));
    }

}
