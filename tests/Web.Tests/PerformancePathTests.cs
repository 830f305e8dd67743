using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Web.Tests;

/// <summary>
/// What issue 12 changed on the paths a teacher waits for (docs/performance.md), against the real host: the catalog
/// page lists 50 tool entries at a time with "Visa fler", a session in use is written at most once a minute, and
/// the warm pool's figures are on /metrics.
/// </summary>
public sealed class PerformancePathTests(IdentityHostFixture fixture) : IClassFixture<IdentityHostFixture>
{
    [Fact]
    public async Task The_catalog_page_lists_fifty_tool_entries_and_visa_fler_lists_the_rest()
    {
        await InsertPublishedToolsAsync("rektor", "ovrigt", 60);
        using var teacher = await fixture.LoginAsNewAsync("user");

        var first = await PageAsync(teacher, "professions/rektor");
        var more = Regex.Match(first, "href=\"(/professions/rektor\\?antal=\\d+)\"[^>]*data-testid=\"show-more\"|data-testid=\"show-more\"[^>]*href=\"(/professions/rektor\\?antal=\\d+)\"");
        var all = await PageAsync(teacher, (more.Groups[1].Success ? more.Groups[1].Value : more.Groups[2].Value).TrimStart('/'));

        Assert.Equal(50, ToolLinks(first));
        Assert.True(more.Success, "the first page offers \"Visa fler\"");
        Assert.Contains("Visar 50 av 60 verktyg.", first);
        Assert.Contains("data-category=\"lektionsplanering\"", first); // empty categories before the cut stay listed
        Assert.Equal(60, ToolLinks(all));
        Assert.DoesNotContain("data-testid=\"show-more\"", all);
    }

    [Fact]
    public async Task A_session_in_use_is_written_at_most_once_a_minute_and_still_slides()
    {
        using var user = await fixture.LoginAsNewAsync("user");
        var recent = await SetLastSeenAsync(user.Id, "30 seconds");
        await user.GetAsync("api/v1/me").ExpectAsync(HttpStatusCode.OK);
        var afterRecent = await LastSeenAsync(user.Id);

        var old = await SetLastSeenAsync(user.Id, "2 minutes");
        await user.GetAsync("api/v1/me").ExpectAsync(HttpStatusCode.OK);
        var afterOld = await LastSeenAsync(user.Id);

        Assert.Equal(recent, afterRecent); // read only: no write (and no disk flush) for this request
        Assert.True(afterOld > old, $"a session last written {old:O} slides at the next request (now {afterOld:O})");
    }

    [Fact]
    public async Task The_warm_pools_figures_are_on_metrics_and_a_run_that_finds_a_waiting_container_counts_as_a_hit()
    {
        using var admin = await fixture.SuperuserAsync();
        using var teacher = await fixture.LoginAsNewAsync("user");
        var (_, _, slug) = await ToolRows.InsertAsync(fixture.Database,
            "def run_tool(input_path, output_dir):\n    return '<p>ok</p>'\n", Guid.NewGuid(), published: true);
        // The pool fills from the host's start; once a container waits, the next run must take it.
        var ready = await ScrapeUntilAsync(admin, m => Sum(m, "skriptoteket_pool_waiting") >= 1
                                                       && Sum(m, "skriptoteket_pool_refill_milliseconds_count") >= 1);

        await RunAsync(teacher, slug);
        var after = await ScrapeUntilAsync(admin, m => Sum(m, "skriptoteket_pool_hits_total") > Sum(ready, "skriptoteket_pool_hits_total"));

        Assert.True(Sum(ready, "skriptoteket_pool_waiting") >= 1, "waiting containers are shown");
        Assert.True(Sum(ready, "skriptoteket_pool_refill_milliseconds_count") >= 1, "refill time is measured");
        Assert.Contains("skriptoteket_pool_waiting{", ready); // with the silo's name
        Assert.Equal(1, Sum(after, "skriptoteket_pool_hits_total") - Sum(ready, "skriptoteket_pool_hits_total"));
        Assert.Equal(Sum(ready, "skriptoteket_pool_cold_starts_total"), Sum(after, "skriptoteket_pool_cold_starts_total"));
    }

    private static int ToolLinks(string html) => Regex.Matches(html, "href=\"/tools/sida-").Count;

    private static async Task<string> PageAsync(ApiUser user, string path)
    {
        using var response = await user.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
        return html;
    }

    private async Task InsertPublishedToolsAsync(string profession, string category, int count)
    {
        await using var data = fixture.Database.CreateDataSource();
        await using var cmd = data.CreateCommand("""
            WITH t AS (SELECT gen_random_uuid() AS id, gen_random_uuid() AS version, i FROM generate_series(1, @n) AS i),
            tools_in AS (INSERT INTO tools (id, slug, title, summary, created_by)
                         SELECT id, 'sida-' || i, 'Sidverktyg ' || lpad(i::text, 3, '0'), 'Sammanfattning', gen_random_uuid() FROM t),
            versions_in AS (INSERT INTO tool_versions (id, tool_id, number, state, source, content_sha256, created_by)
                            SELECT version, id, 1, 'active', 'x', repeat('0', 64), gen_random_uuid() FROM t),
            professions_in AS (INSERT INTO tool_professions (tool_id, profession_slug) SELECT id, @profession FROM t),
            categories_in AS (INSERT INTO tool_categories (tool_id, category_slug) SELECT id, @category FROM t)
            SELECT 1
            """);
        cmd.Parameters.AddWithValue("n", count);
        cmd.Parameters.AddWithValue("profession", profession);
        cmd.Parameters.AddWithValue("category", category);
        await cmd.ExecuteNonQueryAsync();
        await using var publish = data.CreateCommand("""
            UPDATE tools SET is_published = true, active_version_id = v.id
            FROM tool_versions v WHERE v.tool_id = tools.id AND tools.slug LIKE 'sida-%'
            """);
        await publish.ExecuteNonQueryAsync();
    }

    private async Task<DateTime> SetLastSeenAsync(Guid userId, string ago) =>
        await fixture.Database.ScalarAsync<DateTime>(
            $"UPDATE sessions SET last_seen_at = now() - interval '{ago}' WHERE user_id = '{userId}' RETURNING last_seen_at");

    private Task<DateTime> LastSeenAsync(Guid userId) =>
        fixture.Database.ScalarAsync<DateTime>($"SELECT last_seen_at FROM sessions WHERE user_id = '{userId}'");

    private static async Task RunAsync(ApiUser user, string slug)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/tools/{slug}/run")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("namn\nAda")), "files", "elever.csv" } },
        };
        request.Headers.Add("X-CSRF-TOKEN", user.CsrfToken);
        using var response = await user.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var runId = (await response.JsonAsync()).GetProperty("runId").GetGuid();
        await user.WaitForFinishedAsync(runId);
    }

    /// <summary>Scrapes /metrics until <paramref name="ready"/> holds (the pool fills and the exporter caches briefly).</summary>
    private static async Task<string> ScrapeUntilAsync(ApiUser admin, Func<string, bool> ready)
    {
        return await Eventually.GetAsync(async () =>
        {
            using var response = await admin.GetAsync("metrics");
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"/metrics answered {(int)response.StatusCode}: {text}");
            return text;
        }, ready, TimeSpan.FromSeconds(90), "the metrics show it", TimeSpan.FromMilliseconds(500));
    }

    /// <summary>Sum of the samples of one metric (all label sets).</summary>
    private static double Sum(string scrape, string metric) =>
        scrape.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
            .Sum(line => double.Parse(
                (line.Contains('}') ? line[(line.LastIndexOf('}') + 1)..] : line[line.IndexOf(' ')..]).Trim().Split(' ')[0],
                CultureInfo.InvariantCulture));
}
