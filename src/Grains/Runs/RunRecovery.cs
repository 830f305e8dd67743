using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Grains.Runs;

/// <summary>
/// At a runner silo's start: removes runner containers this silo left behind in an earlier life and finalizes
/// their runs as interrupted, with every run the queue or the runs table still shows as claimed by or running
/// on this silo name. Runs that were only waiting stay in the cluster's queue and run (ADR 0009).
/// </summary>
internal sealed class RunRecovery(
    DockerClientProvider docker,
    RunStore store,
    RunQueue queue,
    IGrainFactory grains,
    ILocalSiloDetails silo,
    IOptions<ExecutionOptions> options,
    // Also creates the run metrics at silo start, so their gauges are scraped before the first run.
    RunMetrics metrics,
    ILogger<RunRecovery> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(RunRecovery), ServiceLifecycleStage.Active, RecoverAsync);

    internal async Task RecoverAsync(CancellationToken cancel)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        var runIds = new HashSet<Guid>(await store.FindUnfinishedAsync(silo.Name));
        runIds.UnionWith(await queue.EarlierClaimsAsync(silo.Name, silo.SiloAddress.ToParsableString()));
        var removed = 0;
        try
        {
            removed = await RemoveLeftoversAsync(runIds, cancel);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException or DockerApiException)
        {
            // The engine is down: the silo still starts (health shows docker unhealthy) and its runs are
            // finalized; leftover containers are removed at the next start with a reachable engine.
            logger.LogError(e, "Run recovery on {Silo} could not reach the Docker engine; leftover containers stay until the next start", silo.Name);
        }
        foreach (var runId in runIds)
        {
            await grains.GetGrain<IRunSupervision>(runId)
                .ReportFinishedAsync(RunCompletion.Without(Abstractions.Runs.RunStatus.Interrupted, RunGrain.InterruptedMessage));
            await queue.RemoveAsync(runId);
        }
        metrics.Recovered(runIds.Count);
        logger.LogInformation("Run recovery on {Silo}: removed {Containers} leftover container(s), finalized {Runs} run(s)",
            silo.Name, removed, runIds.Count);
    }

    private async Task<int> RemoveLeftoversAsync(HashSet<Guid> runIds, CancellationToken cancel)
    {
        var leftovers = await docker.Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{ContainerLabels.Silo}={silo.Name}"] = true },
            },
        }, cancel);
        var removed = 0;
        foreach (var container in leftovers)
        {
            // A warm pool container names its run only in its container name (labels are fixed at create).
            var runId = Execution.ContainerSpec.RunIdOf(container.Labels, container.Names);
            // Same silo name is not enough: another cluster (e.g. a test cluster's "Primary") may use it too.
            var ours = container.Labels.TryGetValue(ContainerLabels.Cluster, out var cluster) && cluster == queue.ClusterId
                       || runId is { } r && runIds.Contains(r);
            if (!ours)
            {
                continue;
            }
            await docker.Client.Containers.RemoveContainerAsync(container.ID,
                new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancel);
            removed++;
            if (runId is { } run)
            {
                runIds.Add(run);
            }
        }
        return removed;
    }
}
