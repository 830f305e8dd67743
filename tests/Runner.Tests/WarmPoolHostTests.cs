using Docker.DotNet.Models;
using Skriptoteket.Grains.Execution;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Runner.Tests;

/// <summary>The published host keeps a warm pool by default and leaves no container behind when it stops.</summary>
[Collection(RunnerCollection.Name)]
public sealed class WarmPoolHostTests(RunnerFixture fixture)
{
    [Fact]
    public async Task The_host_fills_its_pool_at_start_and_drains_it_on_shutdown()
    {
        await using var db = await TestDatabase.CreateAsync("pooldrain");
        var silo = "pool-host-" + Guid.NewGuid().ToString("N")[..8];
        await using var host = await HostProcess.StartAsync(db.ConnectionString, new Dictionary<string, string>
        {
            ["Orleans__SiloName"] = silo,
            ["Orleans__Dashboard"] = "false",
            ["Execution__ArtifactsRoot"] = Path.Combine(Path.GetTempPath(), "skriptoteket-pool-host-test", Guid.NewGuid().ToString("N")),
        });

        await Eventually.UntilAsync(async () => (await PoolContainersAsync(silo)).Count(c => c.State == "running") == 2, TimeSpan.FromSeconds(90));
        await host.StopAsync();

        Assert.Equal(0, host.ExitCode);
        Assert.Empty(await PoolContainersAsync(silo));
        Assert.Contains("drained: removed 2 container(s)", host.Output);
    }

    private async Task<IList<ContainerListResponse>> PoolContainersAsync(string silo) =>
        await fixture.Docker.Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{ContainerLabels.Silo}={silo}"] = true, [ContainerLabels.Pool] = true },
            },
        });

}
