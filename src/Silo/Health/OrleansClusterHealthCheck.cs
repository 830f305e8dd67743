using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Skriptoteket.Silo.Health;

/// <summary>Healthy when the management grain answers and lists at least one active silo.</summary>
internal sealed class OrleansClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s)",
                    new Dictionary<string, object> { ["activeSilos"] = hosts.Count })
                : HealthCheckResult.Unhealthy("No active silo.");
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The Orleans cluster does not answer.", ex);
        }
    }
}
