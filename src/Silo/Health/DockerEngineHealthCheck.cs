using Docker.DotNet;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Silo.Health;

/// <summary>On silos that run containers: the engine answers and the runner image is present.</summary>
internal sealed class DockerEngineHealthCheck(DockerClientProvider docker, IOptions<ExecutionOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
        {
            return HealthCheckResult.Healthy("Execution is disabled on this silo.");
        }
        try
        {
            var version = await docker.Client.System.GetVersionAsync(cancellationToken);
            var image = await docker.Client.Images.InspectImageAsync(options.Value.RunnerImage, cancellationToken);
            return HealthCheckResult.Healthy($"Docker {version.Version} (API {version.APIVersion}); runner image {options.Value.RunnerImage}",
                new Dictionary<string, object> { ["imageBytes"] = image.Size });
        }
        catch (DockerImageNotFoundException)
        {
            return HealthCheckResult.Unhealthy($"Runner image '{options.Value.RunnerImage}' is missing; run runner-image/build.sh.");
        }
        catch (Exception ex) when (ex is DockerApiException or HttpRequestException or IOException or TimeoutException
                                       or System.Net.Sockets.SocketException)
        {
            return HealthCheckResult.Unhealthy("The Docker engine does not answer.", ex);
        }
    }
}
