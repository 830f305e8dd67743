using Docker.DotNet;
using Docker.DotNet.Models;

namespace Skriptoteket.TestSupport;

public static class RunContainers
{
    /// <summary>
    /// The run's containers still known to the engine, by the run's container name: a warm pool container has no
    /// run-id label, it is renamed for its run.
    /// </summary>
    public static async Task<IList<ContainerListResponse>> OfRunAsync(Guid runId)
    {
        using var docker = new DockerClientConfiguration(new Uri(new Skriptoteket.Grains.Execution.ExecutionOptions().DockerEndpoint)).CreateClient();
        return await OfRunAsync(docker, runId);
    }

    /// <summary>As <see cref="OfRunAsync(Guid)"/>, through a client the caller already holds (e.g. a private dockerd's).</summary>
    public static async Task<IList<ContainerListResponse>> OfRunAsync(IDockerClient docker, Guid runId) =>
        await docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["name"] = new Dictionary<string, bool> { [Skriptoteket.Grains.Execution.ContainerSpec.NameFor(runId)] = true },
            },
        });
}
