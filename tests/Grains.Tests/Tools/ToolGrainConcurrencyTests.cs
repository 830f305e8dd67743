using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Tools;
using Xunit.Abstractions;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Grains.Tests.Tools;

/// <summary>
/// Hundreds of interleaved saves, submits, publishes, request-changes and rollbacks from many callers on
/// both silos and the client, with forced reactivations in between; then the invariants of SPEC §5 are
/// checked on the grain's answers and on the SQL rows.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ToolGrainConcurrencyTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private const int OperationsPerCaller = 30;
    private const int Reactivations = 6;

    [Fact]
    public async Task Interleaved_transitions_keep_one_active_version_and_gap_free_traceable_numbers()
    {
        var kit = new ToolTestKit(fixture);
        var (seed, _) = await kit.NewToolWithActiveAsync(kit.Contributor);
        var toolId = (await seed.GetAsync(kit.Admin)).Id;
        var factories = fixture.Cluster.Silos
            .Select(s => ((InProcessSiloHandle)s).ServiceProvider.GetRequiredService<IGrainFactory>())
            .Append(fixture.Grains).ToArray();
        var callers = Enumerable.Range(0, 8).Select(_ => new ActingUser(Guid.NewGuid(), Role.Contributor))
            .Concat([kit.Admin, kit.OtherAdmin, kit.Superuser, new ActingUser(Guid.NewGuid(), Role.Superuser)]).ToArray();
        var outcomes = new Outcomes();

        var work = callers.Select((caller, i) => Task.Run(() =>
            RunCallerAsync(factories[i % factories.Length].GetGrain<IToolGrain>(toolId), caller, new Random(i), outcomes)));
        // Deactivate the tool grain every 50 operations, so transitions also straddle reactivations.
        var reactivations = Task.Run(async () =>
        {
            for (var i = 0; i < Reactivations; i++)
            {
                await outcomes.Milestones.WaitAsync();
                await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
            }
        });
        await Task.WhenAll(work.Append(reactivations));
        output.WriteLine(outcomes.ToString());

        var info = await fixture.Grains.GetGrain<IToolGrain>(toolId).GetAsync(kit.Superuser);
        var versions = info.Versions.OrderBy(v => v.Number).ToList();
        Assert.True(outcomes.Succeeded("publish") > 0 && outcomes.Succeeded("rollback") > 0 && outcomes.Succeeded("save") > 0, outcomes.ToString());
        Assert.True(outcomes.Refused(ErrorCode.Conflict) > 0, outcomes.ToString());

        // One active version, and the tool points at it.
        var active = Assert.Single(versions, v => v.State == VersionState.Active);
        Assert.Equal(active.Id, info.ActiveVersionId);
        // Numbers unique and gap-free.
        Assert.Equal(Enumerable.Range(1, versions.Count), versions.Select(v => v.Number));
        // Every record derives from an earlier one, back to a starter draft.
        var byId = versions.ToDictionary(v => v.Id);
        foreach (var v in versions.Where(v => v.DerivedFrom is not null))
        {
            Assert.True(byId.TryGetValue(v.DerivedFrom!.Value, out var parent) && parent.Number < v.Number);
        }
        Assert.All(versions.Where(v => v.State is VersionState.Active or VersionState.Archived),
            v => Assert.NotNull(RootOf(v, byId)));

        await AssertRowsMatchAsync(toolId, versions);
    }

    private static ToolVersionHeader? RootOf(ToolVersionHeader version, Dictionary<Guid, ToolVersionHeader> byId)
    {
        var current = version;
        while (current.DerivedFrom is { } parent)
        {
            current = byId[parent];
        }
        return current.ChangeSummary == "Startskript" ? current : null;
    }

    private async Task AssertRowsMatchAsync(Guid toolId, List<ToolVersionHeader> versions)
    {
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM tool_versions WHERE tool_id = '{toolId}' AND state = 'active'"));
        Assert.Equal(versions.Count.ToString(), await fixture.Database.ScalarAsync<string>(
            $"SELECT count(DISTINCT number)::text FROM tool_versions WHERE tool_id = '{toolId}' HAVING count(*) = max(number)"));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            $"""
            SELECT count(*) FROM tool_versions v
            WHERE v.tool_id = '{toolId}' AND v.derived_from IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM tool_versions p WHERE p.id = v.derived_from AND p.number < v.number)
            """));
        Assert.Equal(versions.Single(v => v.State == VersionState.Active).Id, await fixture.Database.ScalarAsync<Guid>(
            $"SELECT active_version_id FROM tools WHERE id = '{toolId}'"));
        var states = string.Join(",", versions.Select(v => $"{v.Number}:{Grains.Tools.ToolProjection.StateName(v.State)}"));
        Assert.Equal(states, await fixture.Database.ScalarAsync<string>(
            $"SELECT string_agg(number || ':' || state, ',' ORDER BY number) FROM tool_versions WHERE tool_id = '{toolId}'"));
    }

    private static async Task RunCallerAsync(IToolGrain tool, ActingUser caller, Random random, Outcomes outcomes)
    {
        for (var i = 0; i < OperationsPerCaller; i++)
        {
            var info = await tool.GetAsync(caller);
            var mine = info.Versions;
            string op;
            Func<Task> action;
            if (caller.Role == Role.Contributor)
            {
                var heads = mine.Where(v => v.State == VersionState.Draft).ToList();
                var target = heads.Count > 0 ? heads[random.Next(heads.Count)] : null;
                (op, action) = (target, random.Next(4)) switch
                {
                    (null, _) or (_, 0) => Op("draft", () => tool.CreateDraftAsync(caller, null)),
                    (_, 1) => Op("submit", () => tool.SubmitForReviewAsync(caller, target.Id, "klar")),
                    _ => Op("save", () => tool.SaveAsync(caller, new SaveVersionCommand(target.Id, $"# {caller.UserId} {i}\n", null, $"ändring {i}"))),
                };
            }
            else
            {
                var inReview = mine.Where(v => v.State == VersionState.InReview).ToList();
                var formerlyActive = mine.Where(v => v.State == VersionState.Archived && v.PublishedAt is not null).ToList();
                var choice = random.Next(caller.Role == Role.Superuser ? 3 : 2);
                (op, action) = choice switch
                {
                    2 when formerlyActive.Count > 0 => Op("rollback", () => tool.RollbackAsync(caller, formerlyActive[random.Next(formerlyActive.Count)].Id)),
                    0 when inReview.Count > 0 => Op("publish", () => tool.PublishVersionAsync(caller, inReview[random.Next(inReview.Count)].Id)),
                    1 when inReview.Count > 0 => Op("request-changes", () => tool.RequestChangesAsync(caller, inReview[random.Next(inReview.Count)].Id, "mer")),
                    _ => Op("admin-draft", () => tool.CreateDraftAsync(caller, info.ActiveVersionId)),
                };
            }
            await outcomes.RecordAsync(op, action);
        }
    }

    private static (string, Func<Task>) Op(string name, Func<Task> action) => (name, action);

    private sealed class Outcomes
    {
        private readonly Dictionary<string, int> counts = [];
        private int total;

        /// <summary>Released once per 50 finished operations.</summary>
        public SemaphoreSlim Milestones { get; } = new(0);

        public async Task RecordAsync(string op, Func<Task> action)
        {
            string key;
            try
            {
                await action();
                key = op + ":ok";
            }
            catch (DomainException ex)
            {
                key = "refused:" + ex.Code;
            }
            lock (counts)
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
                if (++total % 50 == 0)
                {
                    Milestones.Release();
                }
            }
        }

        public int Succeeded(string op) => counts.GetValueOrDefault(op + ":ok");

        public int Refused(ErrorCode code) => counts.GetValueOrDefault("refused:" + code);

        public override string ToString() => string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}"));
    }
}
