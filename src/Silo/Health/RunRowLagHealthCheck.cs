using Microsoft.Extensions.Diagnostics.HealthChecks;
using Skriptoteket.Grains.Runs;

namespace Skriptoteket.Silo.Health;

/// <summary>Degraded while a run record has waited more than a minute to reach the runs table (docs/adr/0007).</summary>
internal sealed class RunRowLagHealthCheck(RunRowLag lag) : IHealthCheck
{
    private static readonly TimeSpan Tolerated = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["pending"] = lag.Count, ["oldestSeconds"] = (int)lag.Oldest.TotalSeconds };
        return Task.FromResult(lag.Oldest > Tolerated
            ? HealthCheckResult.Degraded($"{lag.Count} run record(s) not yet written to the runs table", data: data)
            : HealthCheckResult.Healthy("Run records are written", data));
    }
}
