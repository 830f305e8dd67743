using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Audit;
using Skriptoteket.Grains.Execution;
using Skriptoteket.Grains.Tools;
using Skriptoteket.Grains.Identity;
using Skriptoteket.Grains.Persistence;
using Skriptoteket.Grains.Runs;

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
        // The one upload contract: the grains, the runs API and the run page all resolve this binding.
        services.AddOptions<UploadLimits>().BindConfiguration(UploadLimits.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<UploadLimits>, UploadLimitsValidation>();
        services.AddSingleton<DockerClientProvider>();
        // Runner silos only (it returns at once elsewhere): containers a Docker engine restart left behind.
        services.AddHostedService<LeftoverContainerSweeper>();
        services.AddTools();
        services.AddSkriptoteketIdentityGrains();
        services.AddRuns();
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
