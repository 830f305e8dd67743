using Microsoft.Extensions.Diagnostics.HealthChecks;
using Skriptoteket.Grains.Persistence;

namespace Skriptoteket.Silo.Health;

/// <summary>
/// Degraded while a grain's query rows on this silo have been behind its state for longer than a minute
/// (ADR 0008: the grain keeps retrying; lists and searches show the older rows meanwhile).
/// </summary>
internal sealed class RowLagHealthCheck(RowLag lag) : IHealthCheck
{
    public static readonly TimeSpan Tolerated = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var behind = lag.Snapshot();
        var data = new Dictionary<string, object>
        {
            ["behind"] = behind.Count,
            ["oldestSeconds"] = behind.Count == 0 ? 0 : Math.Round(behind[0].Behind.TotalSeconds),
            ["objects"] = behind.Take(20).Select(b => b.Key).ToList(),
        };
        return Task.FromResult(behind.Count > 0 && behind[0].Behind > Tolerated
            ? HealthCheckResult.Degraded($"{behind.Count} object(s) have query rows behind their state", data: data)
            : HealthCheckResult.Healthy(behind.Count == 0 ? "Query rows are in step" : "Query rows are catching up", data));
    }
}
