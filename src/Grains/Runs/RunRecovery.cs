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
        var leftovers = await docker.Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{ContainerLabels.Silo}={silo.Name}"] = true },
            },
        }, cancel);
        var runIds = new HashSet<Guid>(await store.FindUnfinishedAsync(silo.Name));
        foreach (var container in leftovers)
        {
            await docker.Client.Containers.RemoveContainerAsync(container.ID,
                new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancel);
            if (container.Labels.TryGetValue(ContainerLabels.RunId, out var id) && Guid.TryParse(id, out var runId))
            {
                runIds.Add(runId);
            }
        }
        foreach (var runId in runIds)
        {
            await grains.GetGrain<IRunSupervision>(runId)
                .ReportFinishedAsync(RunCompletion.Without(Abstractions.Runs.RunStatus.Interrupted, RunGrain.InterruptedMessage));
        }
        logger.LogInformation("Run recovery on {Silo}: removed {Containers} leftover container(s), finalized {Runs} run(s)",
            silo.Name, leftovers.Count, runIds.Count);
    }
}
