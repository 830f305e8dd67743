using Skriptoteket.Grains.Abstractions.Installation;

namespace Skriptoteket.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class InstallationGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Host_starts_accumulate_and_survive_deactivation()
    {
        var key = "installation-" + Guid.NewGuid();
        var grain = fixture.Grains.GetGrain<IInstallationGrain>(key);

        var first = await grain.RecordHostStartAsync("silo-a");
        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var second = await fixture.Grains.GetGrain<IInstallationGrain>(key).RecordHostStartAsync("silo-b");

        Assert.Equal(1, first.HostStarts);
        Assert.Equal(2, second.HostStarts);
        Assert.Equal(first.InstallationId, second.InstallationId);
        Assert.Equal(first.FirstStartedAt, second.FirstStartedAt);
        Assert.Equal("silo-b", second.LastSiloName);
    }
}
