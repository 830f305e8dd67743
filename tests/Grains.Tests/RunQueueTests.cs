using Skriptoteket.TestSupport;
using Skriptoteket.Grains.Abstractions.Errors;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Tests;

/// <summary>
/// The cluster's one queue (ADR 0009) with one runner silo of one slot and room for two runs waiting beyond it
/// (ClusterFixture). A run is queued first and claimed at once when a slot is free.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RunQueueTests(ClusterFixture fixture)
{
    private const string Slow = """
        import time
        def run_tool(input_path, output_dir):
            time.sleep(1.5)
            return "klar"
        """;

    private const string Endless = """
        import time
        def run_tool(input_path, output_dir):
            time.sleep(60)
            return "aldrig"
        """;

    private readonly ActingUser admin = new(Guid.NewGuid(), Role.Admin);

    [Fact]
    public async Task More_runs_than_slots_finish_in_order_with_positions_and_a_full_queue_refuses()
    {
        var (_, version, _) = await ToolRows.InsertAsync(fixture.Database, Slow, admin.UserId, published: false);
        var grains = Enumerable.Range(0, 3).Select(_ => fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid())).ToList();

        var started = new List<RunInfo>();
        foreach (var g in grains)
        {
            started.Add(await g.StartAsync(RunRequest.Sandbox(version, admin, [])));
        }
        var storedBefore = await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM orleans_storage");
        var busy = await Assert.ThrowsAsync<DomainException>(() =>
            fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid()).StartAsync(RunRequest.Sandbox(version, admin, [])));
        // A refused run costs no grain-state writes and leaves no row in the queue or the runs table.
        Assert.Equal(storedBefore, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM orleans_storage"));
        Assert.Equal(3, await fixture.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM run_queue WHERE run_id IN ('{string.Join("','", grains.Select(g => g.GetPrimaryKey()))}')"));
        var watchers = new List<RunWatcher>();
        foreach (var g in grains)
        {
            watchers.Add(await RunGrainTests.WatchAsync(fixture, g, admin));
        }
        var done = new List<RunInfo>();
        foreach (var w in watchers)
        {
            done.Add(await w.FinishedAsync());
        }

        Assert.Equal(ErrorCode.Busy, busy.Code);
        // Each run entered the queue behind the ones before it (the first may already be claimed when the next comes).
        Assert.All(started, s => Assert.NotNull(s.QueuePosition));
        Assert.InRange(started[2].QueuePosition!.Value, 1, 3);
        Assert.Contains(watchers[2].Seen, r => r.Status == RunStatus.Queued && r.QueuePosition == 1);
        Assert.All(done, d => Assert.Equal(RunStatus.Succeeded, d.Status));
        // One slot: each run starts only after the previous one's 1.5 s script is over, in FIFO order.
        Assert.True(done[1].StartedAt >= done[0].StartedAt + TimeSpan.FromSeconds(1.5));
        Assert.True(done[2].StartedAt >= done[1].StartedAt + TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public async Task Cancel_works_while_running_and_while_queued()
    {
        var (_, version, _) = await ToolRows.InsertAsync(fixture.Database, Endless, admin.UserId, published: false);
        var running = fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid());
        var queued = fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid());
        await running.StartAsync(RunRequest.Sandbox(version, admin, []));
        var waiting = await queued.StartAsync(RunRequest.Sandbox(version, admin, []));
        var runningWatcher = await RunGrainTests.WatchAsync(fixture, running, admin);
        await runningWatcher.WaitForAsync(r => r.Status == RunStatus.Running);
        var stranger = new ActingUser(Guid.NewGuid(), Role.Contributor);

        var refused = await Assert.ThrowsAsync<DomainException>(() => queued.CancelAsync(stranger));
        var canceledQueued = await queued.CancelAsync(admin);
        var canceledRunning = await running.CancelAsync(admin);

        Assert.Equal(ErrorCode.NotFound, refused.Code);
        Assert.InRange(waiting.QueuePosition!.Value, 1, 2);
        Assert.Equal(RunStatus.Canceled, canceledQueued.Status);
        Assert.Equal(RunStatus.Canceled, canceledRunning.Status);
        Assert.Equal(RunStatus.Canceled, (await runningWatcher.FinishedAsync()).Status);
        // The slot is free again once the killed container is gone: a new run gets it.
        var (_, quick, _) = await ToolRows.InsertAsync(fixture.Database, "def run_tool(input_path, output_dir):\n    return 'ok'\n", admin.UserId, published: false);
        var next = fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid());
        await next.StartAsync(RunRequest.Sandbox(quick, admin, []));
        Assert.Equal(RunStatus.Succeeded, (await (await RunGrainTests.WatchAsync(fixture, next, admin)).FinishedAsync()).Status);
    }
}
