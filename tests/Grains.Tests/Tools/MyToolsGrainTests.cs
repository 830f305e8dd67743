using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.TestSupport;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Grains.Tests.Tools;

/// <summary>
/// Favorites and recently used tools (issue 22): starring is idempotent, each person sees only their own lists,
/// only published tools appear, and "Senast använda" comes from the person's own production runs.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class MyToolsGrainTests(ClusterFixture fixture)
{
    private readonly ToolTestKit kit = new(fixture);

    private IMyToolsGrain MyTools => fixture.Grains.GetGrain<IMyToolsGrain>(0);

    [Fact]
    public async Task Starring_twice_and_unstarring_twice_change_nothing_more_and_each_person_sees_only_their_own()
    {
        var (teacher, colleague) = (new ActingUser(Guid.NewGuid(), Role.User), new ActingUser(Guid.NewGuid(), Role.User));
        var a = await PublishedToolAsync("Anteckningar");
        var b = await PublishedToolAsync("Betyg");
        var c = await PublishedToolAsync("Close");

        await MyTools.AddFavoriteAsync(teacher, b);
        await MyTools.AddFavoriteAsync(teacher, a);
        await MyTools.AddFavoriteAsync(teacher, a); // a double click
        await MyTools.AddFavoriteAsync(colleague, c);

        Assert.Equal([a, b], await FavoritesAsync(teacher)); // by title
        Assert.Equal(1, await RowsAsync(teacher.UserId, a));
        Assert.Equal([c], await FavoritesAsync(colleague));

        await MyTools.RemoveFavoriteAsync(teacher, a);
        await MyTools.RemoveFavoriteAsync(teacher, a);
        await MyTools.RemoveFavoriteAsync(teacher, c); // the colleague's favorite, not the teacher's: nothing happens
        Assert.Equal([b], await FavoritesAsync(teacher));
        Assert.Equal([c], await FavoritesAsync(colleague));
    }

    [Fact]
    public async Task Only_published_tools_can_be_starred_and_a_depublished_favorite_returns_when_republished()
    {
        var teacher = new ActingUser(Guid.NewGuid(), Role.User);
        var (tool, _) = await kit.NewToolWithActiveAsync(kit.Contributor);
        var toolId = (await tool.GetAsync(kit.Admin)).Id;
        var draftOnly = (await ToolRows.InsertAsync(fixture.Database, "x", Guid.NewGuid(), published: false)).ToolId;

        await ToolTestKit.Refused(ErrorCode.NotFound, () => MyTools.AddFavoriteAsync(teacher, toolId)); // not yet published
        await ToolTestKit.Refused(ErrorCode.NotFound, () => MyTools.AddFavoriteAsync(teacher, draftOnly));
        await ToolTestKit.Refused(ErrorCode.NotFound, () => MyTools.AddFavoriteAsync(kit.Superuser, Guid.NewGuid()));
        Assert.Equal(0, await RowsAsync(teacher.UserId, toolId));

        await tool.PublishAsync(kit.Admin);
        await MyTools.AddFavoriteAsync(teacher, toolId);
        Assert.Equal([toolId], await FavoritesAsync(teacher));

        await tool.DepublishAsync(kit.Admin);
        Assert.Empty(await FavoritesAsync(teacher));
        Assert.Equal(1, await RowsAsync(teacher.UserId, toolId)); // kept, only hidden

        await tool.PublishAsync(kit.Admin);
        Assert.Equal([toolId], await FavoritesAsync(teacher));
    }

    [Fact]
    public async Task Recent_tools_are_the_own_production_runs_newest_first_once_each_and_at_most_ten()
    {
        var teacher = new ActingUser(Guid.NewGuid(), Role.Contributor);
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        var tools = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            var id = await PublishedToolAsync($"Verktyg {i}");
            tools.Add(id);
            await InsertRunAsync(teacher.UserId, id, "production", start.AddMinutes(i));
        }
        // Tool 0 is run again last: it moves to the top, once.
        await InsertRunAsync(teacher.UserId, tools[0], "production", start.AddMinutes(30));
        // Newer, but not this teacher's production runs of a published tool: a test run, an example check,
        // a colleague's run, a run of an unpublished tool.
        var tested = await PublishedToolAsync("Testad");
        await InsertRunAsync(teacher.UserId, tested, "sandbox", start.AddMinutes(40));
        await InsertRunAsync(teacher.UserId, tested, "example_check", start.AddMinutes(41));
        var colleagues = await PublishedToolAsync("Kollegans");
        await InsertRunAsync(Guid.NewGuid(), colleagues, "production", start.AddMinutes(42));
        var hidden = (await ToolRows.InsertAsync(fixture.Database, "x", Guid.NewGuid(), published: false)).ToolId;
        await InsertRunAsync(teacher.UserId, hidden, "production", start.AddMinutes(43));

        var recent = (await MyTools.ListRecentAsync(teacher)).Select(t => t.Id).ToList();

        Assert.Equal(IMyToolsGrain.RecentLimit, recent.Count);
        Assert.Equal([tools[0], tools[11], tools[10], tools[9], tools[8], tools[7], tools[6], tools[5], tools[4], tools[3]], recent);
        Assert.Empty(await MyTools.ListRecentAsync(new ActingUser(Guid.NewGuid(), Role.User)));
    }

    private async Task<IReadOnlyList<Guid>> FavoritesAsync(ActingUser who) =>
        [.. (await MyTools.ListFavoritesAsync(who)).Select(t => t.Id)];

    private async Task<Guid> PublishedToolAsync(string title)
    {
        var (toolId, _, _) = await ToolRows.InsertAsync(fixture.Database, "x", Guid.NewGuid(), published: true);
        await using var data = fixture.Database.CreateDataSource();
        await using var c = data.CreateCommand("UPDATE tools SET title = @title WHERE id = @id");
        c.Parameters.AddWithValue("id", toolId);
        c.Parameters.AddWithValue("title", $"{title} {toolId:N}");
        await c.ExecuteNonQueryAsync();
        return toolId;
    }

    private async Task<long> RowsAsync(Guid userId, Guid toolId)
    {
        await using var data = fixture.Database.CreateDataSource();
        await using var c = data.CreateCommand("SELECT count(*) FROM favorites WHERE user_id = @u AND tool_id = @t");
        c.Parameters.AddWithValue("u", userId);
        c.Parameters.AddWithValue("t", toolId);
        return (long)(await c.ExecuteScalarAsync())!;
    }

    private async Task InsertRunAsync(Guid by, Guid toolId, string kind, DateTimeOffset createdAt)
    {
        await using var data = fixture.Database.CreateDataSource();
        await using var c = data.CreateCommand("""
            INSERT INTO runs (id, kind, status, tool_id, version_id, requested_by, created_at)
            VALUES (@id, @kind, 'succeeded', @tool, (SELECT id FROM tool_versions WHERE tool_id = @tool LIMIT 1), @by, @created)
            """);
        c.Parameters.AddWithValue("id", Guid.NewGuid());
        c.Parameters.AddWithValue("kind", kind);
        c.Parameters.AddWithValue("tool", toolId);
        c.Parameters.AddWithValue("by", by);
        c.Parameters.AddWithValue("created", createdAt);
        await c.ExecuteNonQueryAsync();
    }
}
