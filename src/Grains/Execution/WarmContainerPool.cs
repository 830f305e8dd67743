using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Skriptoteket.Grains.Execution;

/// <summary>
/// A runner silo's warm containers (docs/execution.md, "Warm pool"): up to <c>Execution:WarmPoolSize</c>
/// containers created with every setting of a run, started and waiting for a job, so a run skips create and
/// start and finds its libraries imported. Each container carries an import profile (the curated libraries it
/// imported, <see cref="ImportProfile"/>); the slots are shared out among the profiles the silo's recent runs asked
/// for (<see cref="WarmPoolDemand"/>). Each container serves one run and is then removed by the runner;
/// one background loop refills, throws away dead containers and containers whose settings (image, limits) are
/// no longer current, swaps a container of a profile no longer wanted for a wanted one when the pool is full,
/// and empties the pool after <c>Execution:WarmPoolIdleSeconds</c> without runs.
/// <see cref="DrainAsync"/> (silo shutdown) removes every container not taken.
/// </summary>
internal sealed partial class WarmContainerPool : IAsyncDisposable
{
    private readonly DockerClientProvider docker;
    private readonly IOptionsMonitor<ExecutionOptions> options;
    private readonly ILogger<WarmContainerPool> logger;
    private readonly TimeProvider time;
    private readonly object gate = new();
    private readonly List<WarmContainer> idle = [];
    private readonly WarmPoolDemand demand = new();
    private readonly SemaphoreSlim wake = new(0);
    private readonly CancellationTokenSource stopping = new();
    private readonly IDisposable? optionsChanged;
    private DateTimeOffset lastDemand;
    private Task loop = Task.CompletedTask;
    private static readonly TimeSpan LeftoverSweepInterval = TimeSpan.FromMinutes(1);
    private readonly string? cluster;
    private readonly WarmPoolMetrics? metrics;
    private bool stopped;

    /// <param name="cluster">The Orleans cluster id (null outside a silo): run recovery removes this silo's containers of its cluster.</param>
    /// <param name="metrics">The pool's figures on /metrics (null outside a silo: tests, benchmark).</param>
    public WarmContainerPool(DockerClientProvider docker, IOptionsMonitor<ExecutionOptions> options, string silo, string? cluster,
        ILogger<WarmContainerPool> logger, TimeProvider? time = null, WarmPoolMetrics? metrics = null)
    {
        this.metrics = metrics;
        metrics?.Observe(() => Idle);
        this.cluster = cluster;
        this.docker = docker;
        this.options = options;
        this.logger = logger;
        this.time = time ?? TimeProvider.System;
        Silo = silo;
        lastDemand = this.time.GetUtcNow();
        // A new runner image (or new limits) in the configuration: the loop throws the old containers away.
        optionsChanged = options.OnChange(_ => Wake());
    }

    /// <summary>The silo whose label the containers carry; runs of other silos never get them.</summary>
    public string Silo { get; }

    /// <summary>Containers waiting for a run (alive or not yet found dead).</summary>
    public int Idle
    {
        get { lock (gate) { return idle.Count; } }
    }

    /// <summary>Alive containers of <paramref name="profile"/> whose libraries are imported (tests, benchmark).</summary>
    public int PrimedOf(ImportProfile profile)
    {
        lock (gate) { return idle.Count(w => w.IsAlive && w.IsPrimed && w.Profile == profile); }
    }

    /// <summary>Starts the background loop (removes exited pool leftovers at once and every minute, fills).</summary>
    public void Start()
    {
        lock (gate)
        {
            if (stopped || !loop.IsCompleted)
            {
                return;
            }
            loop = Task.Run(() => FillLoopAsync(stopping.Token));
        }
    }

    /// <summary>
    /// Takes a container for a run of <paramref name="profile"/>: a primed one that imported all of its libraries
    /// (the fewest extra first), else a primed one sharing most of them, else any alive one (the script imports what
    /// is missing itself; it still skips create and start); null when none is ready (the caller then creates its
    /// own). Counts as demand: an emptied idle pool fills again, and the profile steers the refills.
    /// </summary>
    public WarmContainer? TryTake(string silo, ImportProfile profile)
    {
        var current = ContainerSettings.Of(options.CurrentValue);
        WarmContainer? taken = null;
        lock (gate)
        {
            lastDemand = time.GetUtcNow();
            if (!stopped && silo == Silo)
            {
                demand.Record(profile);
                var ready = idle.Where(w => w.IsAlive && w.Settings == current).ToList();
                var primed = ready.Where(w => w.IsPrimed).ToList();
                taken = primed.Where(w => w.Profile.Covers(profile)).MinBy(w => w.Profile.Count)
                        ?? primed.OrderByDescending(w => w.Profile.Shared(profile)).ThenBy(w => w.Profile.Count).FirstOrDefault()
                        ?? ready.FirstOrDefault();
                if (taken is not null)
                {
                    idle.Remove(taken);
                }
            }
        }
        metrics?.Taken(taken is not null);
        Wake();
        return taken;
    }

    /// <summary>Waits until <paramref name="count"/> idle containers have their libraries imported (tests, benchmark).</summary>
    public async Task WaitPrimedAsync(int count, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (true)
        {
            lock (gate)
            {
                if (idle.Count(w => w.IsAlive && w.IsPrimed) >= count)
                {
                    return;
                }
            }
            try
            {
                await Task.Delay(20, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The warm pool of {Silo} did not have {count} primed container(s) within {limit}.");
            }
        }
    }

    /// <summary>Stops refilling and removes every container no run has taken; runs holding one keep it.</summary>
    public async Task DrainAsync()
    {
        List<WarmContainer> left;
        lock (gate)
        {
            stopped = true;
        }
        await stopping.CancelAsync();
        await loop;
        lock (gate)
        {
            left = [.. idle];
            idle.Clear();
        }
        await Task.WhenAll(left.Select(RemoveAsync));
        logger.LogInformation("Warm pool of {Silo} drained: removed {Count} container(s)", Silo, left.Count);
    }

    public async ValueTask DisposeAsync()
    {
        await DrainAsync();
        optionsChanged?.Dispose();
        stopping.Dispose();
        wake.Dispose();
    }

    private void Wake()
    {
        try
        {
            wake.Release();
        }
        catch (ObjectDisposedException)
        {
            // Disposed after a drain: nothing left to wake.
        }
    }

    private async Task FillLoopAsync(CancellationToken stop)
    {
        var failures = 0;
        var swept = DateTimeOffset.MinValue;
        while (!stop.IsCancellationRequested)
        {
            bool behind; // something died, is still wanted or could not be done: back off before the next try
            try
            {
                // A killed host's pool containers exit a moment after it died (possibly after this pool started).
                if (time.GetUtcNow() - swept > LeftoverSweepInterval)
                {
                    await RemoveExitedLeftoversAsync(stop);
                    swept = time.GetUtcNow();
                }
                var o = options.CurrentValue;
                // A container that died waiting (e.g. an image without the warm entry) counts as a failed create:
                // it is not replaced in a tight loop.
                var died = await RemoveUnwantedAsync(o);
                var wanted = Wanted(o);
                behind = died > 0 || wanted > 0;
                if (died == 0 && wanted > 0)
                {
                    await AddOneAsync(o, stop);
                    failures = 0;
                    continue;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Usually the engine is down or refuses (runs create their own containers meanwhile). The loop must
                // outlive it: containers it could not remove now are found by the leftover sweep once the
                // engine answers again (an engine restart leaves them exited), so that sweep comes first.
                logger.LogWarning(e, "Warm pool of {Silo} failed (failure {Failures} in a row; the engine down or refusing?); it tries again after a pause", Silo, failures + 1);
                swept = DateTimeOffset.MinValue;
                behind = true;
            }
            failures = behind ? failures + 1 : 0;
            try
            {
                if (failures > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(60, 1 << Math.Min(failures, 6))), stop);
                }
                else
                {
                    // Woken by a take, a settings change or a container's end; the timeout checks for idleness.
                    await wake.WaitAsync(TimeSpan.FromSeconds(5), stop);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
