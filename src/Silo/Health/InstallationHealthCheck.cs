using Microsoft.Extensions.Diagnostics.HealthChecks;
using Skriptoteket.Grains.Abstractions.Installation;

namespace Skriptoteket.Silo.Health;

/// <summary>Reports which installation this is and how many host starts its stored state has seen.</summary>
internal sealed class InstallationHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var info = await grains.GetGrain<IInstallationGrain>(IInstallationGrain.Key).GetAsync();
            return HealthCheckResult.Healthy($"Installation {info.InstallationId}", new Dictionary<string, object>
            {
                ["installationId"] = info.InstallationId,
                ["firstStartedAt"] = info.FirstStartedAt,
                ["hostStarts"] = info.HostStarts,
                ["lastSiloName"] = info.LastSiloName,
            });
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Degraded("Installation record unavailable.", ex);
        }
    }
}
