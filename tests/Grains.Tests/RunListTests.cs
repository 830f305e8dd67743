using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.TestSupport;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Grains.Tests;

/// <summary>
/// "Mina körningar" and the admin runs overview read the runs table joined with tools, versions and users:
/// paged newest first, filtered, with names instead of ids, and only the caller's own runs for "mine".
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RunListTests(ClusterFixture fixture)
{
    private IRunQueryGrain Query => fixture.Grains.GetGrain<IRunQueryGrain>(0);

    [Fact]
    public async Task My_runs_are_paged_newest_first_with_tool_title_version_and_duration()
    {
        var teacher = await InsertUserAsync("Greta Lärare");
        var (toolId, versionId, _) = await ToolRows.InsertAsync(fixture.Database, "x", Guid.NewGuid(), published: true);
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        for (var i = 0; i < 3; i++)
        {
            await InsertRunAsync(teacher.UserId, toolId, versionId, "succeeded", "production", start.AddMinutes(i), TimeSpan.FromSeconds(2 + i));
        }
        await InsertRunAsync(Guid.NewGuid(), toolId, versionId, "failed", "production", start.AddMinutes(10), TimeSpan.FromSeconds(1));

        var first = await Query.PageMineAsync(teacher, new RunFilter(Page: 1, PageSize: 2));
        var second = await Query.PageMineAsync(teacher, new RunFilter(Page: 2, PageSize: 2));

        Assert.Equal(3, first.Total);
        Assert.Equal(2, first.PageCount);
        Assert.Equal(2, first.Items.Count);
        Assert.Single(second.Items);
        Assert.True(first.Items[0].CreatedAt > first.Items[1].CreatedAt && first.Items[1].CreatedAt > second.Items[0].CreatedAt);
        var newest = first.Items[0];
        Assert.Equal("Testverktyg", newest.ToolTitle);
        Assert.Equal(1, newest.VersionNumber);
        Assert.Equal("Greta Lärare", newest.RequesterName);
        Assert.Equal(TimeSpan.FromSeconds(4), newest.Duration);
    }

    [Fact]
    public async Task My_runs_filter_by_kind_and_never_list_example_checks()
    {
        var author = await InsertUserAsync("Ebba Författare");
        var (toolId, versionId, _) = await ToolRows.InsertAsync(fixture.Database, "x", author.UserId, published: true);
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var real = await InsertRunAsync(author.UserId, toolId, versionId, "succeeded", "production", start, TimeSpan.FromSeconds(1));
        var test = await InsertRunAsync(author.UserId, toolId, versionId, "succeeded", "sandbox", start.AddMinutes(1), TimeSpan.FromSeconds(1));
        var check = await InsertRunAsync(author.UserId, toolId, versionId, "succeeded", "example_check", start.AddMinutes(2), TimeSpan.FromSeconds(1));

        async Task<IReadOnlyList<Guid>> Mine(RunKind? kind) => [.. (await Query.PageMineAsync(author, new RunFilter(Kind: kind))).Items.Select(r => r.RunId)];

        Assert.Equal([test, real], await Mine(null));
        Assert.Equal([real], await Mine(RunKind.Production));
        Assert.Equal([test], await Mine(RunKind.Sandbox));
        Assert.Empty(await Mine(RunKind.ExampleCheck));
        Assert.Equal(2, (await Query.PageMineAsync(author, new RunFilter())).Total);
        // Reachable from the example's check, and listed in the admin overview with its kind.
        Assert.Equal(RunKind.ExampleCheck, (await Query.DescribeAsync(author, check))?.Kind);
        var admin = new ActingUser(Guid.NewGuid(), Role.Admin);
        Assert.Equal([check], (await Query.PageAllAsync(admin, new RunFilter(ToolId: toolId, Kind: RunKind.ExampleCheck))).Items.Select(r => r.RunId));
    }

    [Fact]
    public async Task Admin_overview_filters_by_tool_requester_status_kind_and_date_and_others_are_refused()
    {
        var admin = new ActingUser(Guid.NewGuid(), Role.Admin);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var anna = await InsertUserAsync($"Anna {tag}");
        var bo = await InsertUserAsync($"Bo {tag}");
        var (toolA, versionA, _) = await ToolRows.InsertAsync(fixture.Database, "a", admin.UserId, published: true);
        var (toolB, versionB, _) = await ToolRows.InsertAsync(fixture.Database, "b", admin.UserId, published: false);
        var day = new DateTimeOffset(2031, 3, 14, 10, 0, 0, TimeSpan.Zero);
        await InsertRunAsync(anna.UserId, toolA, versionA, "succeeded", "production", day, TimeSpan.FromSeconds(1));
        await InsertRunAsync(anna.UserId, toolB, versionB, "failed", "sandbox", day.AddDays(1), TimeSpan.FromSeconds(1));
        await InsertRunAsync(bo.UserId, toolA, versionA, "timed_out", "production", day.AddDays(2), TimeSpan.FromSeconds(1));

        async Task<IReadOnlyList<string>> Names(RunFilter filter) =>
            [.. (await Query.PageAllAsync(admin, filter)).Items.Select(r => $"{r.RequesterName.Split(' ')[0]}:{r.Status}")];

        Assert.Equal(["Bo:TimedOut", "Anna:Succeeded"], await Names(new RunFilter(ToolId: toolA)));
        Assert.Equal(["Anna:Failed", "Anna:Succeeded"], await Names(new RunFilter(Requester: $"anna {tag}")));
        Assert.Equal(["Bo:TimedOut"], await Names(new RunFilter(Requester: tag, Status: RunStatus.TimedOut)));
        Assert.Equal(["Anna:Failed"], await Names(new RunFilter(Requester: tag, Kind: RunKind.Sandbox)));
        Assert.Equal(["Anna:Failed"], await Names(new RunFilter(Requester: tag, From: day.AddHours(12), To: day.AddDays(1).AddHours(12))));
        var user = new ActingUser(anna.UserId, Role.User);
        Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => Query.PageAllAsync(user, new RunFilter()))).Code);
    }

    [Fact]
    public async Task A_run_is_described_only_to_its_requester_and_admins()
    {
        var teacher = await InsertUserAsync("Cecilia");
        var (toolId, versionId, _) = await ToolRows.InsertAsync(fixture.Database, "x", Guid.NewGuid(), published: true);
        var runId = await InsertRunAsync(teacher.UserId, toolId, versionId, "succeeded", "production", DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1));

        Assert.Equal("Testverktyg", (await Query.DescribeAsync(teacher, runId))?.ToolTitle);
        Assert.NotNull(await Query.DescribeAsync(new ActingUser(Guid.NewGuid(), Role.Admin), runId));
        Assert.Null(await Query.DescribeAsync(new ActingUser(Guid.NewGuid(), Role.User), runId));
    }

    private async Task<ActingUser> InsertUserAsync(string name)
    {
        var id = Guid.NewGuid();
        await using var data = fixture.Database.CreateDataSource();
        await using var c = data.CreateCommand(
            "INSERT INTO users (id, email, display_name, role) VALUES (@id, @email, @name, 'user')");
        c.Parameters.AddWithValue("id", id);
        c.Parameters.AddWithValue("email", $"{id:N}@skola.test");
        c.Parameters.AddWithValue("name", name);
        await c.ExecuteNonQueryAsync();
        return new ActingUser(id, Role.User);
    }

    private async Task<Guid> InsertRunAsync(Guid by, Guid toolId, Guid versionId, string status, string kind,
        DateTimeOffset createdAt, TimeSpan duration)
    {
        var id = Guid.NewGuid();
        await using var data = fixture.Database.CreateDataSource();
        await using var c = data.CreateCommand("""
            INSERT INTO runs (id, kind, status, tool_id, version_id, requested_by, created_at, started_at, finished_at)
            VALUES (@id, @kind, @status, @tool, @version, @by, @created, @created, @finished)
            """);
        c.Parameters.AddWithValue("id", id);
        c.Parameters.AddWithValue("kind", kind);
        c.Parameters.AddWithValue("status", status);
        c.Parameters.AddWithValue("tool", toolId);
        c.Parameters.AddWithValue("version", versionId);
        c.Parameters.AddWithValue("by", by);
        c.Parameters.AddWithValue("created", createdAt);
        c.Parameters.AddWithValue("finished", createdAt + duration);
        await c.ExecuteNonQueryAsync();
        return id;
    }
}
