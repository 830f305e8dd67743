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
    /// <summary>A sandbox run needs the file its (undeclared, run contract v1) version asks for, like a production run.</summary>
    private static readonly RunInputFile AFile = new("namn.txt", "Ada"u8.ToArray());

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
            started.Add(await g.StartAsync(RunRequest.Sandbox(version, admin, [AFile])));
        }
        var storedBefore = await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM orleans_storage");
        var busy = await Assert.ThrowsAsync<DomainException>(() =>
            fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid()).StartAsync(RunRequest.Sandbox(version, admin, [AFile])));
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
    public async Task Concurrent_starts_never_overfill_the_queue()
    {
        var (_, version, _) = await ToolRows.InsertAsync(fixture.Database, Endless, admin.UserId, published: false);
        var grains = Enumerable.Range(0, 10).Select(_ => fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid())).ToList();

        var outcomes = await Task.WhenAll(grains.Select(async g =>
        {
            try
            {
                await g.StartAsync(RunRequest.Sandbox(version, admin, [AFile]));
                return (Grain: g, Busy: false);
            }
            catch (DomainException e) when (e.Code == ErrorCode.Busy)
            {
                return (Grain: g, Busy: true);
            }
        }));
        var accepted = outcomes.Where(o => !o.Busy).Select(o => o.Grain).ToList();
        foreach (var g in accepted)
        {
            await g.CancelAsync(admin);
        }

        // One slot and two places: whatever the interleaving, exactly three of ten concurrent starts get in.
        Assert.Equal(3, accepted.Count);
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM runs WHERE id IN ('{string.Join("','", outcomes.Where(o => o.Busy).Select(o => o.Grain.GetPrimaryKey()))}')"));
    }

    [Fact]
    public async Task A_job_the_runner_cannot_read_ends_failed_and_does_not_block_the_queue()
    {
        var (_, endless, _) = await ToolRows.InsertAsync(fixture.Database, Endless, admin.UserId, published: false);
        var (_, quick, _) = await ToolRows.InsertAsync(fixture.Database, "def run_tool(input_path, output_dir):\n    return 'ok'\n", admin.UserId, published: false);
        var blocker = fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid());
        var unreadable = fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid());
        var after = fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid());
        await blocker.StartAsync(RunRequest.Sandbox(endless, admin, [AFile]));
        await (await RunGrainTests.WatchAsync(fixture, blocker, admin)).WaitForAsync(r => r.Status == RunStatus.Running);
        await unreadable.StartAsync(RunRequest.Sandbox(quick, admin, [AFile]));
        await after.StartAsync(RunRequest.Sandbox(quick, admin, [AFile]));
        var watcher = await RunGrainTests.WatchAsync(fixture, unreadable, admin);
        var next = await RunGrainTests.WatchAsync(fixture, after, admin);

        // As if a newer silo had queued a job this one cannot read.
        await fixture.Database.ScalarAsync<int>($"""
            WITH changed AS (UPDATE run_queue SET job = '\x00ff'::bytea WHERE run_id = '{unreadable.GetPrimaryKey()}' RETURNING 1)
            SELECT count(*)::int FROM changed
            """);
        await blocker.CancelAsync(admin);

        Assert.Equal(RunStatus.Failed, (await watcher.FinishedAsync()).Status);
        Assert.Equal(RunStatus.Succeeded, (await next.FinishedAsync()).Status);
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM run_queue WHERE run_id = '{unreadable.GetPrimaryKey()}'"));
    }

    [Fact]
    public async Task Cancel_works_while_running_and_while_queued()
    {
        var (_, version, _) = await ToolRows.InsertAsync(fixture.Database, Endless, admin.UserId, published: false);
        var running = fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid());
        var queued = fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid());
        await running.StartAsync(RunRequest.Sandbox(version, admin, [AFile]));
        var waiting = await queued.StartAsync(RunRequest.Sandbox(version, admin, [AFile]));
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
        await next.StartAsync(RunRequest.Sandbox(quick, admin, [AFile]));
        Assert.Equal(RunStatus.Succeeded, (await (await RunGrainTests.WatchAsync(fixture, next, admin)).FinishedAsync()).Status);
    }
}

/// <summary>The cluster's queue survives the loss of the silo that claimed a run (ADR 0009).</summary>
[Collection(ClusterCollection.Name)]
public sealed class RunQueueDepartureTests(ClusterFixture fixture)
{
    private static readonly RunInputFile AFile = new("namn.txt", "Ada"u8.ToArray());

    private readonly ActingUser admin = new(Guid.NewGuid(), Role.Admin);

    [Fact]
    public async Task A_claim_whose_silo_left_the_cluster_ends_the_run_interrupted_and_frees_the_queue()
    {
        const string Sleeper = "import time\ndef run_tool(input_path, output_dir):\n    time.sleep(8)\n    return 'sent'\n";
        var (_, version, _) = await ToolRows.InsertAsync(fixture.Database, Sleeper, admin.UserId, published: false);
        var grain = fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid());
        await grain.StartAsync(RunRequest.Sandbox(version, admin, [AFile]));
        var watcher = await RunGrainTests.WatchAsync(fixture, grain, admin);
        await watcher.WaitForAsync(r => r.Status == RunStatus.Running);
        var runId = grain.GetPrimaryKey();

        // As if the claimer had died: its address is no member of the cluster and its lease has run out.
        await fixture.Database.ScalarAsync<int>($"""
            WITH moved AS (UPDATE run_queue SET claimer_address = 'S127.0.0.1:1:1', lease_until = now() - interval '1 second'
                           WHERE run_id = '{runId}' RETURNING 1)
            SELECT count(*)::int FROM moved
            """);
        var ended = await watcher.FinishedAsync();

        Assert.Equal(RunStatus.Interrupted, ended.Status);
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM run_queue WHERE run_id = '{runId}'"));
        Assert.Equal("interrupted", await fixture.Database.ScalarAsync<string>($"SELECT status FROM runs WHERE id = '{runId}'"));
        // Its record stays final when the real container finishes later (its silo removes it then) and reports "succeeded".
        await Eventually.UntilAsync(async () => (await RunContainers.OfRunAsync(runId)).Count == 0, TimeSpan.FromSeconds(60));
        Assert.Equal(RunStatus.Interrupted, (await grain.GetAsync(admin)).Status);
    }
}
