using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Tools;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Grains.Tests.Tools;

/// <summary>
/// Concurrent creates and renames onto one slug: the database's unique index picks one winner before any
/// state is saved, every loser answers CONFLICT, and every grain still activates and answers afterwards.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ToolSlugRaceTests(ClusterFixture fixture)
{
    private const int Racers = 8;
    private readonly ToolTestKit kit = new(fixture);

    [Fact]
    public async Task Concurrent_creates_with_one_slug_leave_one_tool_and_conflicts_that_still_activate()
    {
        var metadata = ToolTestKit.Metadata();
        var ids = Enumerable.Range(0, Racers).Select(_ => Guid.NewGuid()).ToArray();

        var outcomes = await Task.WhenAll(ids.Select(id => OutcomeAsync(() => kit.Tool(id).CreateAsync(kit.Admin, metadata, null))));

        Assert.Single(outcomes, o => o is null);
        Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal(ErrorCode.Conflict, o!.Code));
        await ReactivateAllAsync();
        var winner = ids[Array.IndexOf(outcomes, null)];
        Assert.Equal(metadata.Slug, (await kit.Tool(winner).GetAsync(kit.Admin)).Metadata.Slug);
        foreach (var loser in ids.Where(id => id != winner))
        {
            await ToolTestKit.Refused(ErrorCode.NotFound, () => kit.Tool(loser).GetAsync(kit.Admin));
        }
        Assert.Equal(winner, await fixture.Database.ScalarAsync<Guid>($"SELECT id FROM tools WHERE slug = '{metadata.Slug}'"));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM tools WHERE id IN ({string.Join(", ", ids.Select(id => $"'{id}'"))})"));
    }

    [Fact]
    public async Task Concurrent_renames_onto_one_slug_keep_each_losers_old_slug()
    {
        var tools = new List<(IToolGrain Grain, ToolMetadata Metadata)>();
        for (var i = 0; i < Racers; i++)
        {
            var metadata = ToolTestKit.Metadata();
            tools.Add((await kit.NewToolAsync(metadata), metadata));
        }
        var target = ToolTestKit.Metadata().Slug;

        var outcomes = await Task.WhenAll(tools.Select(t =>
            OutcomeAsync(() => t.Grain.UpdateMetadataAsync(kit.Admin, t.Metadata with { Slug = target }))));

        Assert.Single(outcomes, o => o is null);
        Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal(ErrorCode.Conflict, o!.Code));
        await ReactivateAllAsync();
        for (var i = 0; i < Racers; i++)
        {
            var info = await tools[i].Grain.GetAsync(kit.Admin);
            var expected = outcomes[i] is null ? target : tools[i].Metadata.Slug;
            Assert.Equal(expected, info.Metadata.Slug);
            Assert.Equal(expected, await fixture.Database.ScalarAsync<string>($"SELECT slug FROM tools WHERE id = '{info.Id}'"));
        }
    }

    [Fact]
    public async Task A_rename_refused_by_the_storage_etag_answers_conflict_and_gives_the_new_slug_back()
    {
        var metadata = ToolTestKit.Metadata();
        var tool = await kit.NewToolAsync(metadata);
        var id = (await tool.GetAsync(kit.Admin)).Id;
        // Another activation's write, as seen by this one: storage moves on without it.
        var bytes = id.ToByteArray();
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            $"""
            WITH bumped AS (UPDATE orleans_storage SET version = version + 1
                            WHERE grain_id_n0 = {BitConverter.ToInt64(bytes, 0)} AND grain_id_n1 = {BitConverter.ToInt64(bytes, 8)}
                            RETURNING 1)
            SELECT count(*) FROM bumped
            """));
        var renamed = ToolTestKit.Metadata().Slug;

        await ToolTestKit.Refused(ErrorCode.Conflict, () => tool.UpdateMetadataAsync(kit.Admin, metadata with { Slug = renamed }));

        Assert.Equal(metadata.Slug, await fixture.Database.ScalarAsync<string>($"SELECT slug FROM tools WHERE id = '{id}'"));
        Assert.Equal(renamed, (await tool.UpdateMetadataAsync(kit.Admin, metadata with { Slug = renamed })).Metadata.Slug);
    }

    private static async Task<DomainException?> OutcomeAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (DomainException ex)
        {
            return ex;
        }
    }

    private Task ReactivateAllAsync() =>
        fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
}
