using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;

namespace Skriptoteket.Grains.Execution;

/// <summary>The warm pool's removals: unwanted idle containers, exited leftovers of killed hosts, single containers.</summary>
internal sealed partial class WarmContainerPool
{
    /// <summary>
    /// Removes dead containers, containers made with settings no longer current, and those beyond the target;
    /// when none of these and the pool is full, one container of a profile no longer wanted (the loop's next
    /// refill then makes one of a wanted profile). Returns how many had died on their own.
    /// </summary>
    private async Task<int> RemoveUnwantedAsync(ExecutionOptions o)
    {
        var current = ContainerSettings.Of(o);
        var target = Target(o);
        List<WarmContainer> unwanted;
        WarmContainer? swapped;
        int dead;
        lock (gate)
        {
            dead = idle.Count(w => !w.IsAlive);
            unwanted = [.. idle.Where(w => !w.IsAlive || w.Settings != current)];
            // Beyond the target (idle too long, or the size was lowered): the newest go first, the primed stay.
            unwanted.AddRange(idle.Except(unwanted).OrderBy(w => w.IsPrimed).ThenByDescending(w => w.Created)
                .Take(Math.Max(0, idle.Count - unwanted.Count - target)));
            swapped = unwanted.Count == 0 ? OfProfileNoLongerWanted(target) : null;
            if (swapped is not null)
            {
                unwanted.Add(swapped);
            }
            idle.RemoveAll(unwanted.Contains);
        }
        if (swapped is not null)
        {
            logger.LogInformation("Warm pool of {Silo} replaces a container of profile {Profile}: its runs' demand moved to other profiles",
                Silo, swapped.Profile);
        }
        if (unwanted.Count > 0)
        {
            await Task.WhenAll(unwanted.Select(RemoveAsync));
            logger.LogInformation("Warm pool of {Silo} removed {Count} container(s) ({Dead} dead; the others outdated, beyond {Target} wanted or of a profile no longer wanted)",
                Silo, unwanted.Count, dead, target);
        }
        if (dead > 0)
        {
            logger.LogWarning("Warm pool of {Silo}: {Dead} container(s) ended while waiting for a run", Silo, dead);
        }
        return dead;
    }

    /// <summary>
    /// In a full pool whose containers have all finished warming: the oldest container of a profile holding more
    /// slots than its demand gives it, if another profile holds fewer; else null. One at a time, and only in a full,
    /// settled pool, so a refill after a take always goes to an empty slot first and a burst of runs never waits on
    /// a swap. Called under the lock.
    /// </summary>
    private WarmContainer? OfProfileNoLongerWanted(int target)
    {
        if (target == 0 || idle.Count != target || idle.Any(w => !w.IsPrimed))
        {
            return null;
        }
        var plan = demand.Plan(target);
        int Share(ImportProfile profile) => plan.FirstOrDefault(p => p.Profile == profile).Slots;
        var held = idle.GroupBy(w => w.Profile).ToDictionary(g => g.Key, g => g.Count());
        if (!plan.Any(p => held.GetValueOrDefault(p.Profile) < p.Slots))
        {
            return null;
        }
        return idle.Where(w => held[w.Profile] > Share(w.Profile)).OrderBy(w => w.Created).FirstOrDefault();
    }

    /// <summary>
    /// Pool containers that exited without ever being taken (their host was killed: the engine closed their stdin)
    /// are garbage whichever silo made them. So are this silo's own pool containers that never started: a create
    /// that went through as the engine went down, whose start and removal then failed. Another silo's "created"
    /// container may be between its create and start, so only this silo's count (this loop is its only creator,
    /// and no create is in flight while it sweeps). Taken ones carry a run's name and are left to recovery.
    /// </summary>
    private async Task RemoveExitedLeftoversAsync(CancellationToken stop)
    {
        // Engine errors go to the fill loop, which tries again once the engine answers.
        var exited = await ListPoolContainersAsync(["exited", "dead"], onlyThisSilo: false, stop);
        var neverStarted = await ListPoolContainersAsync(["created"], onlyThisSilo: true, stop);
        foreach (var container in exited.Concat(neverStarted))
        {
            await RemoveContainerAsync(container.ID);
        }
    }

    private Task<IList<ContainerListResponse>> ListPoolContainersAsync(string[] states, bool onlyThisSilo, CancellationToken stop)
    {
        var labels = new Dictionary<string, bool> { [ContainerLabels.Pool] = true };
        if (onlyThisSilo)
        {
            labels[$"{ContainerLabels.Silo}={Silo}"] = true; // label filters are combined with AND
        }
        return docker.Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = labels,
                ["status"] = states.ToDictionary(state => state, _ => true),
                ["name"] = new Dictionary<string, bool> { [ContainerSpec.WarmNamePrefix] = true },
            },
        }, stop);
    }

    private async Task RemoveAsync(WarmContainer warm)
    {
        warm.Stream.Dispose();
        await RemoveContainerAsync(warm.Id);
    }

    private async Task RemoveContainerAsync(string id)
    {
        try
        {
            await docker.Client.Containers.RemoveContainerAsync(id,
                new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, CancellationToken.None);
        }
        catch (DockerContainerNotFoundException)
        {
            // Already gone (another silo's sweep or recovery): that is the goal.
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            // Removal already in progress elsewhere.
            logger.LogDebug(e, "Container {ContainerId} is already being removed", id);
        }
    }
}
