using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Audit;
using Skriptoteket.Grains.Execution;
using Skriptoteket.Grains.Tools;
using Skriptoteket.Grains.Identity;
using Skriptoteket.Grains.Persistence;
using Skriptoteket.Grains.Retention;
using Skriptoteket.Grains.Runs;
using Skriptoteket.Grains.Tools.Checks;
using Skriptoteket.Grains.Tools.Examples;

namespace Skriptoteket.Grains.Hosting;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>Services the grains depend on: the PostgreSQL data source, the audit log, Docker access.</summary>
    public static IServiceCollection AddSkriptoteketGrainServices(this IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton(Sessions.SessionClock.Key, TimeProvider.System);
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        services.AddSingleton<IAuditLog, PostgresAuditLog>();
        services.AddSingleton<RowLag>();
        services.AddOptions<ExecutionOptions>()
            .BindConfiguration(ExecutionOptions.Section)
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.RunnerImage),
                "Missing required setting 'Execution:RunnerImage' (environment variable Execution__RunnerImage): " +
                "the runner image tag printed by runner-image/build.sh. Or set Execution:Enabled=false on silos without Docker.")
            .ValidateOnStart();
        // A run's timeouts, memory and CPU as the studio shows them (the same keys ExecutionOptions binds).
        services.AddOptions<RunLimits>().BindConfiguration(RunLimits.Section);
        // The one upload contract: the grains, the runs API and the run page all resolve this binding.
        services.AddOptions<UploadLimits>().BindConfiguration(UploadLimits.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<UploadLimits>, UploadLimitsValidation>();
        services.AddSingleton<DockerClientProvider>();
        // Runner silos only (it returns at once elsewhere): containers a Docker engine restart left behind.
        services.AddHostedService<LeftoverContainerSweeper>();
        services.AddTools();
        services.AddSkriptoteketIdentityGrains();
        services.AddRuns();
        // Artifacts, sandbox inputs and ended sessions are swept on one reminder (RetentionGrain).
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, RetentionScheduler>();
        // Worked examples and their checks (docs/adr/0012-worked-examples.md).
        services.AddSingleton<ExampleStore>();
        services.AddSingleton<CheckStore>();
        // Script checks parse in a runner container on the silo that hosts them (docs/studio.md), so a silo
        // without Docker does not list the class and placement never picks it. Run grains live anywhere: their
        // containers start on whichever runner silo claims the run (docs/adr/0009-cluster-run-queue.md).
        services.AddSingleton<IPostConfigureOptions<GrainTypeOptions>>(sp =>
            new PostConfigureOptions<GrainTypeOptions>(null, o =>
            {
                if (!sp.GetRequiredService<IOptions<ExecutionOptions>>().Value.Enabled)
                {
                    o.Classes.Remove(typeof(ScriptCheckGrain));
                }
            }));
        // Tool sessions (docs/adr/0016-tool-sessions.md): the one limits contract, with the retention from "Sessions".
        services.AddOptions<Abstractions.Sessions.SessionLimits>().BindConfiguration(Abstractions.Sessions.SessionLimits.Section);
        services.AddSingleton<Sessions.ToolSessionStore>();
        services.AddSingleton<Insights.InsightsQueries>();
        services.AddSingleton<Insights.InsightsAccess>();
        return services;
    }
}

/// <summary>Refuses to start with upload limits that contradict each other or exceed one grain message.</summary>
internal sealed class UploadLimitsValidation : IValidateOptions<UploadLimits>
{
    public ValidateOptionsResult Validate(string? name, UploadLimits options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
