using Docker.DotNet.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Execution;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Benchmarks;

/// <summary>The two lower layers: the engine's bare container cycle and our execution service on top of it.</summary>
internal sealed class ContainerPaths : IDisposable
{
    public const string TrivialScript = "def run_tool(input_path, output_dir):\n    return '<p>ok</p>'\n";
    private const string Silo = "benchmark";

    private readonly ExecutionOptions options = new() { RunnerImage = TestEnvironment.RunnerImage };
    private readonly DockerClientProvider docker;
    private readonly DockerContainerRunner runner;

    public ContainerPaths()
    {
        docker = new DockerClientProvider(Options.Create(options));
        runner = new DockerContainerRunner(docker, new StaticOptionsMonitor(options), NullLogger<DockerContainerRunner>.Instance);
    }

    /// <summary>create → start → wait → remove of the runner image running /bin/true: what any container costs.</summary>
    public async Task BareCycleAsync()
    {
        var containers = docker.Client.Containers;
        var id = (await containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = options.RunnerImage,
            Entrypoint = ["/bin/true"],
            Labels = new Dictionary<string, string> { [ContainerLabels.Silo] = Silo },
            HostConfig = new HostConfig { NetworkMode = "none", ReadonlyRootfs = true },
        })).ID;
        try
        {
            await containers.StartContainerAsync(id, new ContainerStartParameters());
            await containers.WaitContainerAsync(id);
        }
        finally
        {
            await containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true });
        }
    }

    /// <summary>The hardened container, the Python wrapper, the script, one input file, result and cleanup.</summary>
    public async Task ExecutionServiceRunAsync()
    {
        var input = new RunnerInput("elever.csv", "namn\nAda\n"u8.ToArray());
        var outcome = await runner.RunAsync(new RunnerJob(Guid.NewGuid(), TrivialScript, "run_tool", [input], 30), Silo, CancellationToken.None);
        if (outcome.Completion.Status != RunStatus.Succeeded)
        {
            throw new InvalidOperationException($"Trivial run ended {outcome.Completion.Status}: {outcome.Completion.Output.ErrorSummary} {outcome.Completion.InternalError}");
        }
    }

    public void Dispose() => docker.Dispose();
}
