using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Grains.Runs;

/// <summary>
/// A runner silo's share of the cluster's queue (docs/adr/0009-cluster-run-queue.md): whenever a slot is free
/// it claims the oldest waiting run of the cluster and hands it to the <see cref="RunSupervisor"/>. Woken by
/// PostgreSQL notifications (and a poll, should one be missed); the <see cref="QueueKeeper"/> renews leases,
/// ends runs whose claimer is gone and reports queue positions.
/// </summary>
internal sealed class RunDispatcher(
    RunQueue queue,
    RunSlots slots,
    RunSupervisor supervisor,
    QueueKeeper keeper,
    NpgsqlDataSource db,
    DockerClientProvider docker,
    IGrainFactory grains,
    ILocalSiloDetails silo,
    IOptions<ExecutionOptions> options,
    ILogger<RunDispatcher> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);
    private readonly Signal work = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Task> loops = [];
    private readonly HashSet<Task> running = [];

    public void Participate(ISiloLifecycle lifecycle)
    {
        if (options.Value.Enabled)
        {
            // After RunRecovery (Active): claims of this silo's earlier life are settled before new ones are made.
            lifecycle.Subscribe(nameof(RunDispatcher), ServiceLifecycleStage.Active + 1, StartAsync, StopAsync);
        }
    }

    private async Task StartAsync(CancellationToken cancel)
    {
        await keeper.RegisterAsync();
        loops.Add(Task.Run(() => ListenAsync(stopping.Token)));
        loops.Add(Task.Run(() => ClaimAsync(stopping.Token)));
        loops.Add(Task.Run(() => keeper.KeepAsync(work, stopping.Token)));
    }

    /// <summary>Stops claiming, lets running runs finish for a while, then stops the rest (they end interrupted).</summary>
    private async Task StopAsync(CancellationToken cancel)
    {
        await stopping.CancelAsync();
        await keeper.UnregisterAsync();
        Task[] inFlight;
        lock (running)
        {
            inFlight = [.. running];
        }
        var drain = Task.WhenAll(inFlight);
        if (await Task.WhenAny(drain, Task.Delay(TimeSpan.FromSeconds(options.Value.ShutdownDrainSeconds), cancel)) != drain)
        {
            foreach (var runId in supervisor.ActiveRuns)
            {
                supervisor.Cancel(runId, interrupted: true);
            }
            await drain.WaitAsync(TimeSpan.FromSeconds(20), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        await Task.WhenAll(loops).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task ClaimAsync(CancellationToken stop)
    {
        var address = silo.SiloAddress.ToParsableString();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await slots.WaitAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            ClaimedRun? claim = null;
            try
            {
                claim = await queue.ClaimAsync(silo.Name, address, keeper.Lease);
            }
            catch (UnreadableJobException e)
            {
                logger.LogError(e, "Run {RunId} could not be read on {Silo}; it ends failed", e.RunId, silo.Name);
                await EndUnreadableAsync(e.RunId);
            }
            catch (Exception e)
            {
                // PostgreSQL away, or anything else: this loop must go on claiming.
                logger.LogWarning(e, "Claiming from the run queue failed on {Silo}; trying again shortly", silo.Name);
            }
            if (claim is null)
            {
                slots.Release();
                await work.WaitAsync(Poll, stop);
                continue;
            }
            keeper.PositionsMoved();
            Track(SuperviseAsync(claim, stop));
        }
    }

    private async Task EndUnreadableAsync(Guid runId)
    {
        try
        {
            await grains.GetGrain<IRunSupervision>(runId).ReportFinishedAsync(RunCompletion.Without(
                Abstractions.Runs.RunStatus.Failed, DockerContainerRunner.InternalErrorMessage, "queued job unreadable on this silo"));
        }
        catch (Exception e)
        {
            // Its row is gone from the queue: the grain ends it interrupted at its next activation.
            logger.LogWarning(e, "Run {RunId}: the end of an unreadable job could not be reported", runId);
        }
    }

    private async Task SuperviseAsync(ClaimedRun claim, CancellationToken stop)
    {
        try
        {
            if (!await supervisor.SuperviseAsync(claim, stop))
            {
                await WaitForEngineAsync(stop);
            }
        }
        finally
        {
            slots.Release();
            // A slot came free: look at the queue again at once rather than at the next poll.
            work.Set();
        }
    }

    /// <summary>The engine went away mid-run: hold this slot (so no more runs are claimed and failed) until it answers.</summary>
    private async Task WaitForEngineAsync(CancellationToken stop)
    {
        logger.LogError("Docker engine unreachable on {Silo}: claims pause until it answers", silo.Name);
        while (!stop.IsCancellationRequested && !await DockerEngine.AnswersAsync(docker.Client, stop))
        {
            await Task.Delay(TimeSpan.FromSeconds(1), stop).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        logger.LogInformation("Docker engine on {Silo} answers again; claims go on", silo.Name);
    }

    private void Track(Task task)
    {
        lock (running)
        {
            running.Add(task);
        }
        _ = task.ContinueWith(t =>
        {
            lock (running)
            {
                running.Remove(t);
            }
        }, TaskScheduler.Default);
    }

    /// <summary>LISTENs on the queue's channel on a connection of its own, reconnecting after PostgreSQL restarts.</summary>
    private async Task ListenAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = await db.OpenConnectionAsync(stop);
                connection.Notification += (_, e) => OnNotification(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {RunQueue.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stop);
                }
                // Anything enqueued while no one listened is claimed now.
                work.Set();
                while (!stop.IsCancellationRequested)
                {
                    await connection.WaitAsync(stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Run queue notifications lost on {Silo}; listening again shortly (polling meanwhile)", silo.Name);
                await Task.Delay(TimeSpan.FromSeconds(1), stop).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private void OnNotification(string payload)
    {
        if (payload.StartsWith("cancel:", StringComparison.Ordinal))
        {
            if (Guid.TryParse(payload.AsSpan("cancel:".Length), out var runId))
            {
                supervisor.Cancel(runId);
            }
            return;
        }
        work.Set();
    }
}
