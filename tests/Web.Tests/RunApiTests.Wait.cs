using System.Net;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Web.Tests;

/// <summary>
/// <c>GET tool-runs/{id}?wait=N</c> (issue 23): the answer comes when the run has finished (the run grain answers from
/// memory the moment its record finishes), or after N seconds with the run's state then; no client polls.
/// </summary>
public sealed partial class RunApiTests
{
    [Fact]
    public async Task A_get_with_wait_answers_once_the_run_has_finished_in_one_request()
    {
        var (_, _, slug) = await ToolRows.InsertAsync(fixture.Database, TestScripts.Sleeper, Guid.NewGuid(), published: true);
        using var teacher = await fixture.LoginAsNewAsync("user");
        var started = await StartAsync(teacher, $"api/v1/tools/{slug}/run", "sekunder.csv", "2").ExpectAsync(HttpStatusCode.Accepted);
        Assert.False(started.GetProperty("isFinished").GetBoolean());

        var done = await teacher.GetAsync($"api/v1/tool-runs/{started.GetProperty("runId").GetGuid()}?wait=50").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("succeeded", done.GetProperty("status").GetString());
        Assert.Equal("<p>vaken</p>", done.GetProperty("html").GetString());
    }

    [Fact]
    public async Task A_get_with_wait_on_a_run_still_going_answers_after_the_wait_with_its_state()
    {
        var (_, _, slug) = await ToolRows.InsertAsync(fixture.Database, TestScripts.Sleeper, Guid.NewGuid(), published: true);
        using var teacher = await fixture.LoginAsNewAsync("user");
        var runId = (await StartAsync(teacher, $"api/v1/tools/{slug}/run", "sekunder.csv", "30").ExpectAsync(HttpStatusCode.Accepted))
            .GetProperty("runId").GetGuid();

        var going = await teacher.GetAsync($"api/v1/tool-runs/{runId}?wait=1").ExpectAsync(HttpStatusCode.OK);

        Assert.False(going.GetProperty("isFinished").GetBoolean());
        Assert.Contains(going.GetProperty("status").GetString(), new[] { "queued", "running" });
        await teacher.PostAsync($"api/v1/tool-runs/{runId}/cancel").ExpectAsync(HttpStatusCode.OK);
        var canceled = await teacher.GetAsync($"api/v1/tool-runs/{runId}?wait=50").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("canceled", canceled.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("56")]
    [InlineData("-1")]
    public async Task A_wait_out_of_range_is_refused_with_the_range_and_someone_elses_run_is_not_found_at_once(string wait)
    {
        var (_, _, slug) = await ToolRows.InsertAsync(fixture.Database, TestScripts.Sleeper, Guid.NewGuid(), published: true);
        using var teacher = await fixture.LoginAsNewAsync("user");
        using var other = await fixture.LoginAsNewAsync("user");
        var runId = (await StartAsync(teacher, $"api/v1/tools/{slug}/run", "sekunder.csv", "0").ExpectAsync(HttpStatusCode.Accepted))
            .GetProperty("runId").GetGuid();

        var refused = await teacher.GetAsync($"api/v1/tool-runs/{runId}?wait={wait}").ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal("Parametern wait ska vara 0–55 sekunder.", refused.GetProperty("error").GetProperty("message").GetString());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await other.GetAsync($"api/v1/tool-runs/{runId}?wait=50").ExpectAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(25), $"a refusal waits for nothing (took {clock.Elapsed})");
    }
}
