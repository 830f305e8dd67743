using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Web.Tests;

/// <summary>
/// Operations against the real host: /metrics is for admins only and its run figures move with a run; a run is
/// logged as structured JSON with its run id, tool id, duration, status and the request's correlation id, and
/// neither its uploaded file nor its script source ever reaches the log.
/// </summary>
public sealed class OperationsTests(IdentityHostFixture fixture) : IClassFixture<IdentityHostFixture>
{
    [Fact]
    public async Task Metrics_refuse_anonymous_callers_and_teachers_and_show_an_admin_the_run_figures_moving()
    {
        var (toolId, slug, _, _) = await PublishAsync();
        using var teacher = await fixture.LoginAsNewAsync("user");
        using var admin = await fixture.SuperuserAsync();
        using var anonymous = ApiUser.Anonymous(fixture.BaseAddress);

        using var refusedAnonymous = await anonymous.GetAsync("metrics");
        using var refusedTeacher = await teacher.GetAsync("metrics");
        var before = await ScrapeAsync(admin);
        await RunAsync(teacher, slug, "elever.csv", "namn\nAda");
        var after = await ScrapeUntilAsync(admin, m => Sum(m, "skriptoteket_runs_finished_total", "kind=\"production\"", "status=\"succeeded\"")
                                                      > Sum(before, "skriptoteket_runs_finished_total", "kind=\"production\"", "status=\"succeeded\""));

        Assert.NotEqual(HttpStatusCode.OK, refusedAnonymous.StatusCode);
        Assert.DoesNotContain("skriptoteket_runs", await refusedAnonymous.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, refusedTeacher.StatusCode); // not found, never a hint (SPEC §1)
        Assert.Equal(1, Sum(after, "skriptoteket_runs_started_total", "kind=\"production\"") - Sum(before, "skriptoteket_runs_started_total", "kind=\"production\""));
        Assert.Equal(1, Sum(after, "skriptoteket_runs_finished_total", "kind=\"production\"", "status=\"succeeded\"")
                        - Sum(before, "skriptoteket_runs_finished_total", "kind=\"production\"", "status=\"succeeded\""));
        Assert.Equal(1, Sum(after, "skriptoteket_runs_duration_milliseconds_count") - Sum(before, "skriptoteket_runs_duration_milliseconds_count"));
        Assert.True(Sum(after, "skriptoteket_runs_container_start_milliseconds_count") >= 1, "container start latency is measured");
        Assert.True(Sum(after, "skriptoteket_runs_queue_wait_milliseconds_count") >= 1, "queue wait is measured");
        Assert.Contains("skriptoteket_runs_slots{", after);
        Assert.Contains("skriptoteket_runs_queue_length{", after);
        Assert.Contains("http_server_request_duration_seconds", after); // ASP.NET Core
        Assert.Contains("orleans_", after); // Orleans' own meter
        Assert.NotEqual(Guid.Empty, toolId);
    }

    [Fact]
    public async Task A_run_is_logged_as_json_with_its_ids_duration_status_and_correlation_but_never_its_file_or_source()
    {
        var (toolId, slug, sourceMarker, _) = await PublishAsync();
        var fileMarker = $"elevdata-{Guid.NewGuid():N}";
        using var teacher = await fixture.LoginAsNewAsync("user");

        var (runId, correlationId) = await RunAsync(teacher, slug, "elever.csv", $"namn\n{fileMarker}");
        var ended = await WaitForLogAsync(e => State(e, "RunId") == runId.ToString() && State(e, "Status") is not null);
        var accepted = await WaitForLogAsync(e => State(e, "RunId") == runId.ToString() && State(e, "CorrelationId") is not null);

        Assert.Equal(toolId.ToString(), State(ended, "ToolId"));
        Assert.Equal("succeeded", State(ended, "Status"));
        Assert.True(long.Parse(State(ended, "DurationMs")!, CultureInfo.InvariantCulture) > 0);
        Assert.False(string.IsNullOrEmpty(correlationId));
        Assert.Equal(correlationId, State(accepted, "CorrelationId"));
        // The supervisor's lines carry the run's scope, readable as a sentence (not a type name) and with its ids.
        var supervised = await WaitForLogAsync(e => Scopes(e).Any(s => s.TryGetProperty("RunId", out var id) && id.GetString() == runId.ToString()));
        var scope = Scopes(supervised).First(s => s.TryGetProperty("RunId", out _));
        Assert.Equal($"Run {runId} of tool {toolId}", scope.GetProperty("Message").GetString());
        Assert.DoesNotContain(fileMarker, fixture.Host.Output);
        Assert.DoesNotContain(sourceMarker, fixture.Host.Output);
        Assert.DoesNotContain(IdentityHostFixture.Password, fixture.Host.Output);
        Assert.DoesNotContain(teacher.SessionCookie!, fixture.Host.Output);
    }

    private async Task<(Guid ToolId, string Slug, string SourceMarker, Guid VersionId)> PublishAsync()
    {
        var sourceMarker = $"kallkod-{Guid.NewGuid():N}";
        var source = $$"""
            # {{sourceMarker}}
            def run_tool(input_path, output_dir):
                rows = open(input_path, encoding="utf-8").read().splitlines()
                return f"<p>{len(rows)} rader</p>"
            """;
        var (toolId, versionId, slug) = await ToolRows.InsertAsync(fixture.Database, source, Guid.NewGuid(), published: true);
        return (toolId, slug, sourceMarker, versionId);
    }

    /// <summary>Starts a production run and waits until it is final; returns its id and the request's correlation id.</summary>
    private static async Task<(Guid RunId, string? CorrelationId)> RunAsync(ApiUser user, string slug, string fileName, string content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/tools/{slug}/run")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "files", fileName } },
        };
        request.Headers.Add("X-CSRF-TOKEN", user.CsrfToken);
        using var response = await user.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var runId = (await response.JsonAsync()).GetProperty("runId").GetGuid();
        var correlationId = response.Headers.TryGetValues("X-Correlation-Id", out var values) ? values.Single() : null;
        await user.WaitForFinishedAsync(runId);
        return (runId, correlationId);
    }

    private static async Task<string> ScrapeAsync(ApiUser admin)
    {
        using var response = await admin.GetAsync("metrics");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/metrics answered {(int)response.StatusCode}: {text}");
        return text;
    }

    /// <summary>Scrapes until <paramref name="moved"/> holds (the exporter caches a scrape briefly).</summary>
    private static async Task<string> ScrapeUntilAsync(ApiUser admin, Func<string, bool> moved)
    {
        return await Eventually.GetAsync(() => ScrapeAsync(admin), moved, TimeSpan.FromSeconds(15), "the metrics moved",
            TimeSpan.FromMilliseconds(500));
    }

    /// <summary>Sum of the samples of one metric whose labels contain every given fragment.</summary>
    private static double Sum(string scrape, string metric, params string[] labels) =>
        scrape.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
            .Where(line => labels.All(line.Contains))
            .Sum(line => double.Parse(
                (line.Contains('}') ? line[(line.LastIndexOf('}') + 1)..] : line[line.IndexOf(' ')..]).Trim().Split(' ')[0],
                CultureInfo.InvariantCulture));

    private async Task<JsonElement> WaitForLogAsync(Func<JsonElement, bool> match) =>
        (await Eventually.GetAsync(() => Task.FromResult(fixture.Host.Output.Split('\n')
                .Where(line => line.TrimStart().StartsWith('{')).Select(TryParse).FirstOrDefault(entry => entry is { } e && match(e))),
            entry => entry is not null, TimeSpan.FromSeconds(10), "a matching JSON log line in the host's output",
            describe: _ => fixture.Host.Output))!.Value;

    private static JsonElement? TryParse(string line)
    {
        try
        {
            return JsonDocument.Parse(line).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<JsonElement> Scopes(JsonElement entry) =>
        entry.TryGetProperty("Scopes", out var scopes) && scopes.ValueKind == JsonValueKind.Array
            ? scopes.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object)
            : [];

    private static string? State(JsonElement entry, string name) =>
        entry.TryGetProperty("State", out var state) && state.TryGetProperty(name, out var value) ? value.ToString() : null;
}
