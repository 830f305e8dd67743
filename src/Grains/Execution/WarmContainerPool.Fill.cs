using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Skriptoteket.Grains.Execution;

/// <summary>The pool's refills: how many containers it wants, of which import profile, and making one.</summary>
internal sealed partial class WarmContainerPool
{
    /// <summary>
    /// The profile the next refill gets: the most wanted one with fewer containers than its share of the slots
    /// (<see cref="WarmPoolDemand.Plan"/>).
    /// </summary>
    private ImportProfile NextProfile(ExecutionOptions o)
    {
        lock (gate)
        {
            var plan = demand.Plan(Target(o));
            foreach (var (profile, slots) in plan)
            {
                if (idle.Count(w => w.Profile == profile) < slots)
                {
                    return profile;
                }
            }
            return plan.Count > 0 ? plan[0].Profile : ImportProfile.Full;
        }
    }

    /// <summary>How many more containers the pool should hold now (0 while idle too long or stopped).</summary>
    private int Wanted(ExecutionOptions o)
    {
        lock (gate)
        {
            return stopped ? 0 : Math.Max(0, Target(o) - idle.Count);
        }
    }

    private int Target(ExecutionOptions o) =>
        time.GetUtcNow() - lastDemand > TimeSpan.FromSeconds(o.WarmPoolIdleSeconds) ? 0 : Math.Max(0, o.WarmPoolSize);

    private async Task AddOneAsync(ExecutionOptions o, CancellationToken stop)
    {
        var containers = docker.Client.Containers;
        var settings = ContainerSettings.Of(o);
        var profile = NextProfile(o);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Not cancelable, as in the runner: a create canceled in flight can still make the container.
        var id = (await containers.CreateContainerAsync(ContainerSpec.CreateWarm(Silo, cluster, o, profile), CancellationToken.None)).ID;
        MultiplexedStream? stream = null;
        try
        {
            stream = await containers.AttachContainerAsync(id, tty: false,
                new ContainerAttachParameters { Stream = true, Stdin = true, Stdout = true, Stderr = true }, stop);
            await containers.StartContainerAsync(id, new ContainerStartParameters(), stop);
            var warm = new WarmContainer(id, settings, profile, stream, new ContainerOutput(DockerContainerRunner.OutputLimit(o)), time.GetUtcNow());
            warm.StartReading();
            // A container that ends while waiting (killed, engine restarted) is replaced without waiting for the poll.
            _ = warm.Reading.ContinueWith(_ => Wake(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            lock (gate)
            {
                if (!stopped)
                {
                    idle.Add(warm);
                    _ = MeasureRefillAsync(warm, clock);
                    logger.LogDebug("Warm pool of {Silo} added container {ContainerId} of profile {Profile}", Silo, id, profile);
                    return;
                }
            }
            await RemoveAsync(warm);
        }
        catch
        {
            stream?.Dispose();
            await RemoveContainerAsync(id);
            throw;
        }
    }

    /// <summary>Records the refill time once the container's libraries are imported (not if it is taken or ends first).</summary>
    private async Task MeasureRefillAsync(WarmContainer warm, System.Diagnostics.Stopwatch clock)
    {
        if (metrics is null)
        {
            return;
        }
        while (warm.IsAlive && !warm.IsPrimed && clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(25, CancellationToken.None);
        }
        if (warm.IsPrimed)
        {
            metrics.Refilled(clock.Elapsed);
        }
    }
}
