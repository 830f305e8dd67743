using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Grains.Runs;

public static class RunsServiceCollectionExtensions
{
    /// <summary>
    /// Run grains (any silo), the cluster's run queue, and on runner silos its dispatcher, supervisor and slots;
    /// the runs table, artifacts, recovery at start.
    /// </summary>
    public static IServiceCollection AddRuns(this IServiceCollection services)
    {
        services.AddSingleton(sp => new RunSlots(sp.GetRequiredService<IOptions<ExecutionOptions>>().Value.MaxConcurrentRuns));
        services.AddSingleton(sp => new RunQueue(sp.GetRequiredService<Npgsql.NpgsqlDataSource>(),
            sp.GetRequiredService<Orleans.Serialization.Serializer<RunnerJob>>(),
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId));
        services.AddSingleton<QueueKeeper>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, RunDispatcher>();
        // Warm pool (docs/execution.md, "Warm pool"): the runner takes a waiting container when one is ready.
        services.AddSingleton<WarmPoolMetrics>();
        services.AddSingleton(sp => new WarmContainerPool(
            sp.GetRequiredService<DockerClientProvider>(),
            sp.GetRequiredService<IOptionsMonitor<ExecutionOptions>>(),
            sp.GetRequiredService<ILocalSiloDetails>().Name,
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId,
            sp.GetRequiredService<ILogger<WarmContainerPool>>(),
            metrics: sp.GetRequiredService<WarmPoolMetrics>()));
        services.AddSingleton<IContainerRunner>(sp => new DockerContainerRunner(
            sp.GetRequiredService<DockerClientProvider>(),
            sp.GetRequiredService<IOptionsMonitor<ExecutionOptions>>(),
            sp.GetRequiredService<ILogger<DockerContainerRunner>>(),
            sp.GetRequiredService<WarmContainerPool>(),
            sp.GetRequiredService<IOptions<ClusterOptions>>()));
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, WarmPoolLifecycle>();
        services.AddSingleton<RunSupervisor>();
        services.AddSingleton<RunStore>();
        services.AddSingleton<RunListQueries>();
        services.AddSingleton<ToolVersionReader>();
        services.AddSingleton<ArtifactStore>();
        services.AddSingleton<RunSessionLink>();
        services.AddSingleton<RunSettings>();
        services.AddSingleton<RunMetrics>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, RunRecovery>();
        return services;
    }
}
