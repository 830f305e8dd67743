using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Grains.Runs;

public static class RunsServiceCollectionExtensions
{
    /// <summary>Run grains, their supervisor and slots, the runs table, artifacts on disk, recovery at start.</summary>
    public static IServiceCollection AddRuns(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<ExecutionOptions>>().Value;
            return new RunSlots(o.MaxConcurrentRuns, o.MaxQueuedRuns);
        });
        // Warm pool (docs/execution.md, "Warm pool"): the runner takes a waiting container when one is ready.
        services.AddSingleton(sp => new WarmContainerPool(
            sp.GetRequiredService<DockerClientProvider>(),
            sp.GetRequiredService<IOptionsMonitor<ExecutionOptions>>(),
            sp.GetRequiredService<ILocalSiloDetails>().Name,
            sp.GetRequiredService<ILogger<WarmContainerPool>>()));
        services.AddSingleton<IContainerRunner>(sp => new DockerContainerRunner(
            sp.GetRequiredService<DockerClientProvider>(),
            sp.GetRequiredService<IOptionsMonitor<ExecutionOptions>>(),
            sp.GetRequiredService<ILogger<DockerContainerRunner>>(),
            sp.GetRequiredService<WarmContainerPool>()));
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, WarmPoolLifecycle>();
        services.AddSingleton<RunSupervisor>();
        services.AddSingleton<RunStore>();
        services.AddSingleton<RunListQueries>();
        services.AddSingleton<ToolVersionReader>();
        services.AddSingleton<ArtifactStore>();
        services.AddSingleton<RunMetrics>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, RunRecovery>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, RetentionScheduler>();
        // Placement by capability: a silo that does not list the run grain class is never chosen for it
        // (docs/adr/0005-run-placement.md). Every silo still knows the interface, so it can call runs.
        services.AddSingleton<IPostConfigureOptions<GrainTypeOptions>>(sp =>
            new PostConfigureOptions<GrainTypeOptions>(null, o =>
            {
                if (!sp.GetRequiredService<IOptions<ExecutionOptions>>().Value.Enabled)
                {
                    o.Classes.Remove(typeof(RunGrain));
                    // Script checks parse in a runner container too (docs/studio.md).
                    o.Classes.Remove(typeof(Tools.Checks.ScriptCheckGrain));
                }
            }));
        return services;
    }
}
