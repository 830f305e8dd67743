using Skriptoteket.Grains.Abstractions.Installation;

namespace Skriptoteket.Silo.Bootstrap;

/// <summary>Tells the installation grain that this host started (runs after the silo is up).</summary>
internal sealed class InstallationStartRecorder(
    IGrainFactory grains,
    ILocalSiloDetails silo,
    ILogger<InstallationStartRecorder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var info = await grains.GetGrain<IInstallationGrain>(IInstallationGrain.Key).RecordHostStartAsync(silo.Name);
        logger.LogInformation("Installation {InstallationId}: host start number {HostStarts}, first started {FirstStartedAt:u}",
            info.InstallationId, info.HostStarts, info.FirstStartedAt);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
