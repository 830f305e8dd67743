using Docker.DotNet.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Skriptoteket.Grains.Execution;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Runner.Tests;

/// <summary>
/// The real execution service against the real Docker engine, with short timeouts to keep the suite fast, and
/// with the warm pool on as in production (docs/execution.md, "Warm pool"): every run of <see cref="RunAsync(string, int, CancellationToken, RunnerInput[])"/>
/// waits for a warm container whose libraries are imported, so each isolation and hostile-script test runs in one.
/// <c>Execution__WarmPoolSize=0</c> in the environment runs the same tests on containers created per run.
/// </summary>
public sealed class RunnerFixture : IAsyncLifetime
{
    /// <summary>This fixture's silo label: its own, so a suite running beside it never touches its containers.</summary>
    public static readonly string Silo = "runner-tests-" + Guid.NewGuid().ToString("N")[..8];

    private readonly ServiceProvider services;

    public RunnerFixture()
    {
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Execution:RunnerImage"] = TestEnvironment.RunnerImage,
            ["Execution:DockerEndpoint"] = Environment.GetEnvironmentVariable("Execution__DockerEndpoint") ?? "unix:///var/run/docker.sock",
            ["Execution:HardKillMarginSeconds"] = "10",
            ["Execution:MemoryBytes"] = (256L * 1024 * 1024).ToString(),
            ["Execution:PidsLimit"] = "64",
            ["Execution:WarmPoolSize"] = Environment.GetEnvironmentVariable("Execution__WarmPoolSize") ?? "2",
        }).Build();
        services = new ServiceCollection()
            .AddOptions()
            .Configure<ExecutionOptions>(Configuration.GetSection(ExecutionOptions.Section))
            .BuildServiceProvider();
        Monitor = services.GetRequiredService<IOptionsMonitor<ExecutionOptions>>();
        Docker = new DockerClientProvider(Microsoft.Extensions.Options.Options.Create(Options));
        Pool = new WarmContainerPool(Docker, Monitor, Silo, null, NullLogger<WarmContainerPool>.Instance);
        Runner = new DockerContainerRunner(Docker, Monitor, NullLogger<DockerContainerRunner>.Instance, Pool);
    }

    /// <summary>The settings as bound now (a test may change <see cref="Configuration"/> and reload it).</summary>
    public ExecutionOptions Options => Monitor.CurrentValue;

    public IConfigurationRoot Configuration { get; }

    internal IOptionsMonitor<ExecutionOptions> Monitor { get; }

    internal DockerClientProvider Docker { get; }

    internal WarmContainerPool Pool { get; }

    internal IContainerRunner Runner { get; }

    public bool PoolOn => Options.WarmPoolSize > 0;

    public Task InitializeAsync()
    {
        if (PoolOn)
        {
            Pool.Start();
        }
        return Task.CompletedTask;
    }

    /// <summary>Runs a script and checks that no container of the run remains, whatever the outcome.</summary>
    internal async Task<RunnerOutcome> RunAsync(string source, int timeoutSeconds = 5, CancellationToken cancel = default,
        params RunnerInput[] inputs)
    {
        var runId = Guid.NewGuid();
        await WaitForWarmContainerAsync();
        var outcome = await Runner.RunAsync(new RunnerJob(runId, source, "run_tool", inputs, timeoutSeconds), Silo, cancel);
        Assert.Empty(await ContainersOfRunAsync(runId));
        return outcome;
    }

    internal async Task<RunnerOutcome> RunAsync(Guid runId, string source, int timeoutSeconds, CancellationToken cancel)
    {
        await WaitForWarmContainerAsync();
        return await Runner.RunAsync(new RunnerJob(runId, source, "run_tool", [], timeoutSeconds), Silo, cancel);
    }

    /// <summary>With the pool on, the next run gets a warm container whose libraries are imported.</summary>
    internal Task WaitForWarmContainerAsync() =>
        PoolOn ? Pool.WaitPrimedAsync(1, TimeSpan.FromSeconds(90)) : Task.CompletedTask;

    /// <summary>
    /// A pool of its own silo (so its demand and containers are its own), with this fixture's image, engine and
    /// memory and the given settings; the caller starts, drains and disposes it.
    /// </summary>
    internal (WarmContainerPool Pool, string Silo, ServiceProvider Services) NewPool(Dictionary<string, string?> overrides)
    {
        var silo = "pool-test-" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string?>
        {
            ["Execution:RunnerImage"] = TestEnvironment.RunnerImage,
            ["Execution:DockerEndpoint"] = Options.DockerEndpoint,
            ["Execution:MemoryBytes"] = Options.MemoryBytes.ToString(),
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var provider = new ServiceCollection().AddOptions()
            .Configure<ExecutionOptions>(configuration.GetSection(ExecutionOptions.Section)).BuildServiceProvider();
        var pool = new WarmContainerPool(Docker, provider.GetRequiredService<IOptionsMonitor<ExecutionOptions>>(), silo, null,
            NullLogger<WarmContainerPool>.Instance);
        return (pool, silo, provider);
    }

    /// <summary>
    /// Containers of the given run still known to the engine (running or not), found by the run's container name:
    /// a warm container gets it when the run takes it (it was made before the run, so it has no run-id label).
    /// </summary>
    public Task<IList<ContainerListResponse>> ContainersOfRunAsync(Guid runId) => RunContainers.OfRunAsync(Docker.Client, runId);

    /// <summary>Every container of this fixture's silo: the pool's waiting ones and any run's.</summary>
    public async Task<IList<ContainerListResponse>> ContainersOfSiloAsync() =>
        await Docker.Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{ContainerLabels.Silo}={Silo}"] = true },
            },
        });

    public async Task DisposeAsync()
    {
        await Pool.DisposeAsync();
        Docker.Dispose();
        await services.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class RunnerCollection : ICollectionFixture<RunnerFixture>
{
    public const string Name = "runner";
}
