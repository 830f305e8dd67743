using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Grains.Runs;

/// <summary>
/// A runner silo's upkeep of the cluster's queue, once a second: live queue positions; every few seconds:
/// its own registration and leases, runs whose claimer left the cluster (ended interrupted), and containers
/// a departed silo left on this engine. Every runner silo does the same; each step is idempotent.
/// </summary>
internal sealed class QueueKeeper(
    RunQueue queue,
    RunSlots slots,
    RunSupervisor supervisor,
    IClusterMembershipService membership,
    DockerClientProvider docker,
    IGrainFactory grains,
    ILocalSiloDetails silo,
    IOptions<ExecutionOptions> options,
    ILogger<QueueKeeper> logger)
{
    private const int TicksPerUpkeep = 5;
    private readonly string address = silo.SiloAddress.ToParsableString();
    private Dictionary<Guid, int> reported = [];
    private volatile bool positionsMoved = true;

    /// <summary>How long a claim stays valid without renewal; renewed every few seconds.</summary>
    public TimeSpan Lease => TimeSpan.FromSeconds(options.Value.QueueLeaseSeconds);

    public void PositionsMoved() => positionsMoved = true;

    public Task RegisterAsync() => queue.RegisterRunnerAsync(address, slots.Capacity);

    public async Task UnregisterAsync()
    {
        try
        {
            await queue.UnregisterRunnerAsync(address);
        }
        catch (Exception e)
        {
            // Harmless: the registration ages out in 30 s.
            logger.LogWarning(e, "Runner {Silo} could not leave the run queue's list of runners", silo.Name);
        }
    }

    public async Task KeepAsync(Signal work, CancellationToken stop)
    {
        for (var tick = 0; !stop.IsCancellationRequested; tick++)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await StepAsync("queue positions", ReportPositionsAsync);
            if (tick % TicksPerUpkeep == 0)
            {
                await StepAsync("runner registration", RegisterAsync);
                await StepAsync("lease renewal", RenewAsync);
                if (await StepAsync("departed claims", EndDepartedClaimsAsync))
                {
                    // Rows of departed claimers are gone: waiting runs may fit the capacity again.
                    work.Set();
                }
                await StepAsync("departed containers", RemoveDepartedContainersAsync);
            }
        }
    }

    private async Task<bool> StepAsync(string what, Func<Task> step)
    {
        try
        {
            await step();
            return true;
        }
        catch (Exception e)
        {
            // PostgreSQL or the engine is away: the next tick tries again.
            logger.LogWarning(e, "Run queue upkeep ({What}) failed on {Silo}", what, silo.Name);
            return false;
        }
    }

    private async Task RenewAsync()
    {
        foreach (var runId in await queue.RenewAsync(address, supervisor.ActiveRuns, Lease))
        {
            // A cancel whose notification was missed (e.g. while PostgreSQL restarted).
            supervisor.Cancel(runId);
        }
    }

    private async Task ReportPositionsAsync()
    {
        if (!positionsMoved && reported.Count == 0)
        {
            return;
        }
        positionsMoved = false;
        var positions = await queue.PositionsAsync();
        slots.ClusterQueued = positions.Count;
        var now = positions.ToDictionary(p => p.RunId, p => p.Position);
        var changed = positions.Where(p => !reported.TryGetValue(p.RunId, out var before) || before != p.Position).ToList();
        reported = now;
        await Task.WhenAll(changed.Select(async p =>
        {
            try
            {
                await grains.GetGrain<IRunSupervision>(p.RunId).ReportQueuePositionAsync(p.Position);
            }
            catch (Exception e)
            {
                // A lost position update is harmless (the next one or the final state follows), but say so.
                logger.LogWarning(e, "Queue position of run {RunId} could not be reported", p.RunId);
            }
        }));
    }

    /// <summary>Claims whose lease ran out and whose claimer is no longer an active silo: those runs cannot finish.</summary>
    private async Task EndDepartedClaimsAsync()
    {
        var alive = LiveMembers().Select(m => m.SiloAddress.ToParsableString()).ToHashSet();
        foreach (var (runId, claimer) in await queue.ExpiredClaimsAsync())
        {
            if (alive.Contains(claimer))
            {
                continue;
            }
            await grains.GetGrain<IRunSupervision>(runId)
                .ReportFinishedAsync(RunCompletion.Without(RunStatus.Interrupted, RunGrain.InterruptedMessage));
            await queue.RemoveAsync(runId);
            logger.LogWarning("Run {RunId} ended interrupted: its runner silo {Claimer} left the cluster", runId, claimer);
        }
    }

    /// <summary>Containers of this cluster on this engine whose silo is gone (killed, or left for good).</summary>
    private async Task RemoveDepartedContainersAsync()
    {
        var liveNames = LiveMembers().Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        // A silo that joined a moment ago may not be in this silo's view yet: its young containers are left alone.
        var settled = DateTime.UtcNow - TimeSpan.FromSeconds(30);
        var ours = await docker.Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{ContainerLabels.Cluster}={queue.ClusterId}"] = true },
            },
        });
        foreach (var container in ours)
        {
            if (container.Labels.TryGetValue(ContainerLabels.Silo, out var owner) && !liveNames.Contains(owner)
                && container.Created < settled)
            {
                await docker.Client.Containers.RemoveContainerAsync(container.ID,
                    new ContainerRemoveParameters { Force = true, RemoveVolumes = true });
                logger.LogWarning("Removed container {ContainerId} left by departed silo {Owner}", container.ID, owner);
            }
        }
    }

    /// <summary>Silos that have not been declared dead (joining, active or shutting down).</summary>
    private IEnumerable<ClusterMember> LiveMembers() =>
        membership.CurrentSnapshot.Members.Values.Where(m => m.Status is not (SiloStatus.Dead or SiloStatus.None));
}
