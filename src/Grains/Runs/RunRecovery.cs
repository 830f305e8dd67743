using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Grains.Runs;

/// <summary>
/// At silo start: removes runner containers this silo left behind in an earlier life and finalizes their
/// runs (and any run the runs table still shows as queued/running on this silo) as interrupted.
/// </summary>
internal sealed class RunRecovery(
    DockerClientProvider docker,
    RunStore store,
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
        foreach (var container in leftovers)
        {
            await docker.Client.Containers.RemoveContainerAsync(container.ID,
                new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancel);
            if (container.Labels.TryGetValue(ContainerLabels.RunId, out var id) && Guid.TryParse(id, out var runId))
            {
                runIds.Add(runId);
            }
        }
        return leftovers.Count;
    }
}
