using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Insights;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.TestSupport;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Grains.Tests;

/// <summary>
/// Tool insights computed from seeded runs on the real runs table: per version counts, shares, median and p95 of
/// the runs that ran to their end, failure kinds, the five most frequent author messages (cut to 200 characters),
/// weeks; sandbox runs and example checks only as a separate count; admins only.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ToolInsightsTests(ClusterFixture fixture)
{
    private static readonly ActingUser Admin = new(Guid.NewGuid(), Role.Admin);
    private static readonly string LongMessage = "Eleven Åsa Öberg saknar betyg i kursen. " + new string('x', 260);

    private IInsightsGrain Insights => fixture.Grains.GetGrain<IInsightsGrain>(0);

    [Fact]
    public async Task Per_version_figures_messages_and_weeks_come_from_production_runs_only()
    {
        var (tool, v1, v2) = await SeedAsync();

        var insights = await Insights.ForToolAsync(Admin, tool);

        Assert.Equal([2, 1], insights.Versions.Select(v => v.Number));
        var second = insights.Versions[0];
        Assert.Equal(v2, second.VersionId);
        AssertFigures((13, 12, 8, 2, 1), 5500, 9550, second.Figures);
        Assert.Equal(2.0 / 12, second.Figures.FailedShare, 6);
        Assert.Equal(1.0 / 12, second.Figures.TimedOutShare, 6);
        Assert.Equal([(FailureKind.UserError, 2L), (FailureKind.Canceled, 1L), (FailureKind.TimeLimit, 1L)],
            second.Failures.Select(f => (f.Kind, f.Count)).OrderByDescending(f => f.Count).ThenBy(f => f.Kind.ToString()));
        var cut = Assert.Single(second.TopMessages, m => m.Truncated);
        Assert.Equal(LongMessage[..200], cut.Message);
        Assert.Contains(second.TopMessages, m => m is { Message: "Kolumnen Betyg saknas.", Truncated: false, Count: 1 });

        var first = insights.Versions[1];
        Assert.Equal(v1, first.VersionId);
        AssertFigures((23, 23, 2, 20, 1), 1000, 1950, first.Figures);
        Assert.Equal(
            ["Filen saknar kolumnen Namn.:5", "Välj en CSV-fil.:4", "Kolumnen Betyg är tom.:3", "Anna Andersson saknar betyg.:2", "Bertil Berg saknar betyg.:2"],
            first.TopMessages.Select(m => $"{m.Message}:{m.Count}"));
        Assert.Equal(
            [(FailureKind.UserError, 17L), (FailureKind.MemoryLimit, 1L), (FailureKind.PlatformError, 1L), (FailureKind.ScriptError, 1L), (FailureKind.TimeLimit, 1L)],
            first.Failures.Select(f => (f.Kind, f.Count)).OrderByDescending(f => f.Count).ThenBy(f => f.Kind.ToString()));

        Assert.Equal(36, insights.Total.Runs);
        Assert.Equal(3, insights.TestRuns);
        Assert.Equal(InsightsLimits.Weeks, insights.Weeks.Count);
        Assert.True(insights.Weeks.Zip(insights.Weeks.Skip(1)).All(w => w.Second.Week == w.First.Week.AddDays(7)));
        Assert.Equal(DayOfWeek.Monday, insights.Weeks[0].Week.DayOfWeek);
        // Everything but the run of 100 days ago is in the last 12 weeks; the two runs of two weeks ago in their own week.
        Assert.Equal(35, insights.Weeks.Sum(w => w.Runs));
        Assert.Equal(2, insights.Weeks[^3].Runs);
        Assert.Equal(1, insights.Weeks[^3].Failed);
    }

    [Fact]
    public async Task The_overview_counts_the_last_30_days_of_production_runs_most_used_first()
    {
        var (tool, _, _) = await SeedAsync();
        var (quiet, quietVersion, _) = await ToolRows.InsertAsync(fixture.Database, "x", Guid.NewGuid(), published: true);
        await InsertRunAsync(quiet, quietVersion, "succeeded", ago: TimeSpan.FromDays(1));
        await InsertRunAsync(quiet, quietVersion, "succeeded", kind: "sandbox");

        var overview = await Insights.OverviewAsync(Admin);

        var busy = overview.Tools.Single(t => t.ToolId == tool);
        Assert.Equal((35L, 34L, 22L, 2L), (busy.Runs, busy.Finished, busy.Failed, busy.TimedOut));
        Assert.Equal(24.0 / 34, busy.FailureRate, 6);
        var little = overview.Tools.Single(t => t.ToolId == quiet);
        Assert.Equal((1L, 0.0), (little.Runs, little.FailureRate));
        Assert.True(overview.Tools.ToList().FindIndex(t => t.ToolId == tool) < overview.Tools.ToList().FindIndex(t => t.ToolId == quiet));
        Assert.True(overview.Tools.Zip(overview.Tools.Skip(1)).All(p => p.First.Runs >= p.Second.Runs));
    }

    [Theory]
    [InlineData(Role.User)]
    [InlineData(Role.Contributor)]
    public async Task Users_and_contributors_are_refused_and_learn_nothing(Role role)
    {
        var (tool, _, _) = await ToolRows.InsertAsync(fixture.Database, "x", Guid.NewGuid(), published: true);
        var user = new ActingUser(Guid.NewGuid(), role);

        Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => Insights.ForToolAsync(user, tool))).Code);
        Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => Insights.ForToolAsync(user, Guid.NewGuid()))).Code);
        Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => Insights.OverviewAsync(user))).Code);
        Assert.Equal(ErrorCode.NotFound, (await Assert.ThrowsAsync<DomainException>(() => Insights.ForToolAsync(Admin, Guid.NewGuid()))).Code);
    }

    [Fact]
    public async Task A_maintainer_sees_the_insights_of_their_tool_only_and_not_the_overview()
    {
        var (mine, _, _) = await ToolRows.InsertAsync(fixture.Database, "x", Guid.NewGuid(), published: true);
        var (other, _, _) = await ToolRows.InsertAsync(fixture.Database, "x", Guid.NewGuid(), published: true);
        var maintainer = new ActingUser(Guid.NewGuid(), Role.Contributor);
        // The rows the tool grain writes when an admin names a maintainer (ToolProjection); the rule reads them.
        await fixture.Database.ScalarAsync<int>($"""
            WITH u AS (INSERT INTO users (id, email, display_name, role) VALUES ('{maintainer.UserId}', 'm-{maintainer.UserId:N}@skola.test', 'Maja', 'contributor') RETURNING id),
                 m AS (INSERT INTO tool_maintainers (tool_id, user_id, added_by, added_at) SELECT '{mine}', id, '{Admin.UserId}', now() FROM u RETURNING 1)
            SELECT count(*)::int FROM m
            """);

        Assert.Equal(mine, (await Insights.ForToolAsync(maintainer, mine)).ToolId);
        Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => Insights.ForToolAsync(maintainer, other))).Code);
        Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => Insights.OverviewAsync(maintainer))).Code);
    }

    /// <summary>Counts exactly; percentile_cont interpolates in floating point, so the durations to a thousandth of a millisecond.</summary>
    private static void AssertFigures((long, long, long, long, long) counts, double median, double p95, RunFigures figures)
    {
        Assert.Equal(counts, (figures.Runs, figures.Finished, figures.Succeeded, figures.Failed, figures.TimedOut));
        Assert.Equal(median, figures.MedianMs!.Value, 3);
        Assert.Equal(p95, figures.P95Ms!.Value, 3);
    }

    /// <summary>
    /// A tool with two versions. v1: 17 author messages (six texts), a script error, a memory kill, an internal error,
    /// a timeout, two successes (one 100 days ago); 1 s each, the successes 2 s. v2: successes of 1–8 s, two author
    /// failures of 9 and 10 s, a timeout, a cancel, one still running; plus three test runs.
    /// </summary>
    private async Task<(Guid Tool, Guid V1, Guid V2)> SeedAsync()
    {
        var (tool, v1, _) = await ToolRows.InsertAsync(fixture.Database, "x", Guid.NewGuid(), published: true);
        var v2 = await AddVersionAsync(tool, 2);
        foreach (var (message, count) in new[]
                 {
                     ("Filen saknar kolumnen Namn.", 5), ("Välj en CSV-fil.", 4), ("Kolumnen Betyg är tom.", 3),
                     ("Bertil Berg saknar betyg.", 2), ("Anna Andersson saknar betyg.", 2), ("Filen är tom.", 1),
                 })
        {
            for (var i = 0; i < count; i++)
            {
                await InsertRunAsync(tool, v1, "failed", summary: message);
            }
        }
        await InsertRunAsync(tool, v1, "failed", summary: RunReference.UnexpectedFailure(Guid.NewGuid()));
        await InsertRunAsync(tool, v1, "failed", summary: PlatformFailureText.OutOfMemory, oom: true);
        await InsertRunAsync(tool, v1, "failed", summary: PlatformFailureText.InternalError);
        await InsertRunAsync(tool, v1, "timed_out", summary: "Tidsgränsen överskreds (60 s).", seconds: 60);
        await InsertRunAsync(tool, v1, "succeeded", seconds: 2, ago: TimeSpan.FromDays(14));
        await InsertRunAsync(tool, v1, "succeeded", seconds: 2, ago: TimeSpan.FromDays(100));

        for (var s = 1; s <= 8; s++)
        {
            await InsertRunAsync(tool, v2, "succeeded", seconds: s);
        }
        await InsertRunAsync(tool, v2, "failed", summary: LongMessage, seconds: 9, ago: TimeSpan.FromDays(14));
        await InsertRunAsync(tool, v2, "failed", summary: "Kolumnen Betyg saknas.", seconds: 10);
        await InsertRunAsync(tool, v2, "timed_out", summary: "Tidsgränsen överskreds (60 s).", seconds: 60);
        await InsertRunAsync(tool, v2, "canceled", seconds: 3);
        await InsertRunAsync(tool, v2, "running", seconds: null);
        await InsertRunAsync(tool, v2, "failed", summary: "Bara i sandlådan.", kind: "sandbox");
        await InsertRunAsync(tool, v2, "succeeded", kind: "sandbox");
        await InsertRunAsync(tool, v2, "failed", summary: "Bara i exemplet.", kind: "example_check");
        return (tool, v1, v2);
    }

    private async Task<Guid> AddVersionAsync(Guid tool, int number)
    {
        var id = Guid.NewGuid();
        await using var data = fixture.Database.CreateDataSource();
        await using var c = data.CreateCommand("""
            INSERT INTO tool_versions (id, tool_id, number, state, source, content_sha256, created_by)
            VALUES (@id, @tool, @number, 'archived', 'x', repeat('0', 64), @by)
            """);
        c.Parameters.AddWithValue("id", id);
        c.Parameters.AddWithValue("tool", tool);
        c.Parameters.AddWithValue("number", number);
        c.Parameters.AddWithValue("by", Guid.NewGuid());
        await c.ExecuteNonQueryAsync();
        return id;
    }

    private async Task InsertRunAsync(Guid tool, Guid version, string status, string? summary = null, int? seconds = 1,
        TimeSpan? ago = null, bool oom = false, string kind = "production")
    {
        var created = DateTimeOffset.UtcNow - (ago ?? TimeSpan.FromMinutes(1));
        await using var data = fixture.Database.CreateDataSource();
        await using var c = data.CreateCommand("""
            INSERT INTO runs (id, kind, status, tool_id, version_id, requested_by, error_summary, oom_killed,
                              created_at, started_at, finished_at)
            VALUES (gen_random_uuid(), @kind, @status, @tool, @version, gen_random_uuid(), @summary, @oom,
                    @created, @created, @created + make_interval(secs => @seconds))
            """);
        c.Parameters.AddWithValue("kind", kind);
        c.Parameters.AddWithValue("status", status);
        c.Parameters.AddWithValue("tool", tool);
        c.Parameters.AddWithValue("version", version);
        c.Parameters.AddWithValue("summary", (object?)summary ?? DBNull.Value);
        c.Parameters.AddWithValue("oom", oom);
        c.Parameters.AddWithValue("created", created);
        c.Parameters.AddWithValue("seconds", NpgsqlTypes.NpgsqlDbType.Double, seconds is { } s ? (double)s : DBNull.Value);
        await c.ExecuteNonQueryAsync();
    }
}
