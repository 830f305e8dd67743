using System.Diagnostics;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Execution;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Benchmarks;

/// <summary>
/// The layers below the platform: `docker run --rm` of the CLI, the raw Engine API cycle, and the execution
/// service (hardened container + wrapper) with and without its warm pool, and with a warm container that imported
/// every curated library (full) or none (plain).
/// </summary>
internal sealed class ContainerPaths : IAsyncDisposable
{
    public const string TrivialScript = "def run_tool(input_path, output_dir):\n    return '<p>ok</p>'\n";
    private const string Silo = "benchmark";
    private const string PlainSilo = "benchmark-plain";

    /// <summary>
    /// The trivial script with every curated library in its import profile but none imported (the branch never runs):
    /// the same work, while its pool's demand keeps that pool's container full (docs/execution.md, "Warm pool").
    /// </summary>
    private static readonly string FullProfileTrivialScript = TrivialScript +
        "if False:  # never runs: only makes the import profile full\n    import " +
        string.Join(", ", ImportProfile.Curated.Select(l => l.Package)) + "\n";

    private readonly ExecutionOptions options = new() { RunnerImage = TestEnvironment.RunnerImage, WarmPoolSize = 1 };
    private readonly DockerClientProvider docker;
    private readonly DockerContainerRunner cold;
    private readonly DockerContainerRunner warm;
    private readonly DockerContainerRunner plain;
    private Task removal = Task.CompletedTask;
    private int plainRuns;

    public ContainerPaths()
    {
        var monitor = new StaticOptionsMonitor(options);
        docker = new DockerClientProvider(Microsoft.Extensions.Options.Options.Create(options));
        Pool = new WarmContainerPool(docker, monitor, Silo, null, NullLogger<WarmContainerPool>.Instance);
        cold = new DockerContainerRunner(docker, monitor, NullLogger<DockerContainerRunner>.Instance);
        warm = new DockerContainerRunner(docker, monitor, NullLogger<DockerContainerRunner>.Instance, Pool);
        // A second silo's pool, asked only for the plain trivial script: after its first take it holds plain containers.
        PlainPool = new WarmContainerPool(docker, monitor, PlainSilo, null, NullLogger<WarmContainerPool>.Instance);
        plain = new DockerContainerRunner(docker, monitor, NullLogger<DockerContainerRunner>.Instance, PlainPool);
        Pool.Start();
        PlainPool.Start();
    }

    public WarmContainerPool Pool { get; }

    public WarmContainerPool PlainPool { get; }

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
    public Task ColdRunAsync() => RunAsync(cold, Silo, TrivialScript);

    /// <summary>A trivial run in a primed full container (every curated library imported, as every warm container was before profiles).</summary>
    public Task WarmRunAsync() => RunAsync(warm, Silo, FullProfileTrivialScript);

    /// <summary>
    /// A trivial run in a primed plain container (no curated library imported; its run's profile is plain). The
    /// untimed warm-up round takes the container filled before any demand (full); a later round in anything but a
    /// plain container fails, so the line never silently measures the other kind.
    /// </summary>
    public async Task PlainWarmRunAsync()
    {
        var outcome = await RunAsync(plain, PlainSilo, TrivialScript);
        if (++plainRuns > 1 && outcome.WarmProfile != ImportProfile.Plain)
        {
            throw new InvalidOperationException($"The plain-profile round ran in a {outcome.Container} container.");
        }
    }

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

    /// <summary>As <see cref="WaitForPrimedAsync"/> for the plain pool.</summary>
    public async Task WaitForPlainPrimedAsync()
    {
        await AwaitRemovalAsync();
        await PlainPool.WaitPrimedAsync(1, TimeSpan.FromSeconds(120));
    }

    private async Task<RunnerOutcome> RunAsync(DockerContainerRunner runner, string silo, string source)
    {
        var input = new RunnerInput("elever.csv", "namn\nAda\n"u8.ToArray());
        var outcome = await runner.RunBeforeRemovalAsync(new RunnerJob(Guid.NewGuid(), source, "run_tool", [input], 30), silo, CancellationToken.None);
        removal = outcome.Removal;
        if (outcome.Completion.Status != RunStatus.Succeeded)
        {
            throw new InvalidOperationException($"Trivial run ended {outcome.Completion.Status}: {outcome.Completion.Output.ErrorSummary} {outcome.Completion.InternalError}");
        }
        return outcome;
    }

    public async ValueTask DisposeAsync()
    {
        await AwaitRemovalAsync();
        await Pool.DisposeAsync();
        await PlainPool.DisposeAsync();
        docker.Dispose();
    }
}
