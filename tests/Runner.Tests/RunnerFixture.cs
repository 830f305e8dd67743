using Docker.DotNet.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Skriptoteket.Grains.Execution;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Runner.Tests;

/// <summary>The real execution service against the real Docker engine, with short timeouts to keep the suite fast.</summary>
public sealed class RunnerFixture : IDisposable
{
    public const string Silo = "runner-tests";

    public RunnerFixture()
    {
        Options = new ExecutionOptions
        {
            RunnerImage = TestEnvironment.RunnerImage,
            DockerEndpoint = Environment.GetEnvironmentVariable("Execution__DockerEndpoint") ?? "unix:///var/run/docker.sock",
            HardKillMarginSeconds = 10,
            MemoryBytes = 256L * 1024 * 1024,
            PidsLimit = 64,
        };
        Docker = new DockerClientProvider(Microsoft.Extensions.Options.Options.Create(Options));
        Runner = new DockerContainerRunner(Docker, Microsoft.Extensions.Options.Options.Create(Options),
            NullLogger<DockerContainerRunner>.Instance);
    }

    public ExecutionOptions Options { get; }

    internal DockerClientProvider Docker { get; }

    internal IContainerRunner Runner { get; }

    /// <summary>Runs a script and checks that no container of the run remains, whatever the outcome.</summary>
    internal async Task<RunnerOutcome> RunAsync(string source, int timeoutSeconds = 5, CancellationToken cancel = default,
        params RunnerInput[] inputs)
    {
        var runId = Guid.NewGuid();
        var outcome = await Runner.RunAsync(new RunnerJob(runId, source, "run_tool", inputs, timeoutSeconds), Silo, cancel);
        Assert.Empty(await ContainersOfRunAsync(runId));
        return outcome;
    }

    internal Task<RunnerOutcome> RunAsync(Guid runId, string source, int timeoutSeconds, CancellationToken cancel) =>
        Runner.RunAsync(new RunnerJob(runId, source, "run_tool", [], timeoutSeconds), Silo, cancel);

    /// <summary>Containers of the given run still known to the engine (running or not).</summary>
    public async Task<IList<ContainerListResponse>> ContainersOfRunAsync(Guid runId) =>
        await Docker.Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{ContainerLabels.RunId}={runId}"] = true },
            },
        });

    public void Dispose() => Docker.Dispose();
}

[CollectionDefinition(Name)]
public sealed class RunnerCollection : ICollectionFixture<RunnerFixture>
{
    public const string Name = "runner";
}
