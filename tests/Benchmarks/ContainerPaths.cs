using System.Diagnostics;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Execution;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Benchmarks;

/// <summary>
/// The layers below the platform: `docker run --rm` of the CLI, the raw Engine API cycle, and the execution
/// service (hardened container + wrapper) with and without its warm pool.
/// </summary>
internal sealed class ContainerPaths : IAsyncDisposable
{
    public const string TrivialScript = "def run_tool(input_path, output_dir):\n    return '<p>ok</p>'\n";
    private const string Silo = "benchmark";

    private readonly ExecutionOptions options = new() { RunnerImage = TestEnvironment.RunnerImage, WarmPoolSize = 1 };
    private readonly DockerClientProvider docker;
    private readonly DockerContainerRunner cold;
    private readonly DockerContainerRunner warm;
    private Task removal = Task.CompletedTask;

    public ContainerPaths()
    {
        var monitor = new StaticOptionsMonitor(options);
        docker = new DockerClientProvider(Microsoft.Extensions.Options.Options.Create(options));
        Pool = new WarmContainerPool(docker, monitor, Silo, null, NullLogger<WarmContainerPool>.Instance);
        cold = new DockerContainerRunner(docker, monitor, NullLogger<DockerContainerRunner>.Instance);
        warm = new DockerContainerRunner(docker, monitor, NullLogger<DockerContainerRunner>.Instance, Pool);
        Pool.Start();
    }

    public WarmContainerPool Pool { get; }

    /// <summary>`docker run --rm --entrypoint python3 &lt;runner image&gt; -c pass` through the CLI (the image's entrypoint is the wrapper).</summary>
    public async Task CliRunAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("docker", ["run", "--rm", "--network", "none", "--entrypoint", "python3", options.RunnerImage, "-c", "pass"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("docker run failed: " + await process.StandardError.ReadToEndAsync());
        }
    }

    /// <summary>create → start `python3 -c pass` → wait → remove through Docker.DotNet: the engine's own cycle.</summary>
    public async Task RawCycleAsync()
    {
        var containers = docker.Client.Containers;
        var id = (await containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = options.RunnerImage,
            Entrypoint = ["python3", "-c", "pass"],
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

    /// <summary>
    /// Timed until the outcome is in hand, as the platform now reports it (the container's removal goes on beside
    /// the report); the removal is awaited untimed before the next round (<see cref="AwaitRemovalAsync"/>).
    /// </summary>
    public Task ColdRunAsync() => RunAsync(cold);

    public Task WarmRunAsync() => RunAsync(warm);

    /// <summary>The previous round's container is gone (untimed, between rounds).</summary>
    public async Task AwaitRemovalAsync()
    {
        await removal;
        removal = Task.CompletedTask;
    }

    /// <summary>A warm run finds a primed container, as a run spaced from the previous one does.</summary>
    public async Task WaitForPrimedAsync()
    {
        await AwaitRemovalAsync();
        await Pool.WaitPrimedAsync(1, TimeSpan.FromSeconds(120));
    }

    private async Task RunAsync(DockerContainerRunner runner)
    {
        var input = new RunnerInput("elever.csv", "namn\nAda\n"u8.ToArray());
        var outcome = await runner.RunBeforeRemovalAsync(new RunnerJob(Guid.NewGuid(), TrivialScript, "run_tool", [input], 30), Silo, CancellationToken.None);
        removal = outcome.Removal;
        if (outcome.Completion.Status != RunStatus.Succeeded)
        {
            throw new InvalidOperationException($"Trivial run ended {outcome.Completion.Status}: {outcome.Completion.Output.ErrorSummary} {outcome.Completion.InternalError}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await AwaitRemovalAsync();
        await Pool.DisposeAsync();
        docker.Dispose();
    }
}
