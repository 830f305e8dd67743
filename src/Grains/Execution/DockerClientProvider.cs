using Docker.DotNet;
using Microsoft.Extensions.Options;

namespace Skriptoteket.Grains.Execution;

/// <summary>One Docker Engine API client per process (it pools its own connections).</summary>
public sealed class DockerClientProvider(IOptions<ExecutionOptions> options) : IDisposable
{
    private readonly Lazy<DockerClient> client = new(() =>
        new DockerClientConfiguration(new Uri(options.Value.DockerEndpoint)).CreateClient());

    public IDockerClient Client => client.Value;

    public void Dispose()
    {
        if (client.IsValueCreated)
        {
            client.Value.Dispose();
        }
    }
}
