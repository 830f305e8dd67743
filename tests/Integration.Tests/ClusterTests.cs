using Skriptoteket.TestSupport;

namespace Skriptoteket.Integration.Tests;

/// <summary>Two host processes on one database form one cluster through the ADO.NET membership table.</summary>
public sealed class ClusterTests : HostTestBase
{
    [Fact]
    public async Task Two_hosts_join_one_cluster_and_the_survivor_notices_when_one_leaves()
    {
        var cluster = new Dictionary<string, string> { ["Orleans__ClusterId"] = "cluster-" + Guid.NewGuid().ToString("N")[..8] };
        var first = await StartHostAsync(cluster);
        var second = await StartHostAsync(new Dictionary<string, string>(cluster) { ["Execution__Enabled"] = "false" });

        await WaitForActiveSilosAsync(first, 2);
        await WaitForActiveSilosAsync(second, 2);
        var health = await HealthDetailsAsync(second);
        Assert.Equal("Execution is disabled on this silo.",
            health.GetProperty("checks").GetProperty("docker").GetProperty("description").GetString());

        await second.StopAsync();
        await WaitForActiveSilosAsync(first, 1);
        var rows = await Database.ScalarAsync<long>(
            $"SELECT count(*) FROM orleans_membership WHERE deployment_id = '{cluster["Orleans__ClusterId"]}' AND status = 3");
        Assert.Equal(1L, rows);
    }

    private static async Task WaitForActiveSilosAsync(HostProcess host, int expected)
    {
        await Eventually.GetAsync(async () =>
            {
                var orleans = (await HealthDetailsAsync(host)).GetProperty("checks").GetProperty("orleans");
                return orleans.GetProperty("data").TryGetProperty("activeSilos", out var count) ? count.GetInt32() : -1;
            }, seen => seen == expected, TimeSpan.FromSeconds(60), $"{expected} active silos", TimeSpan.FromMilliseconds(250),
            describe: seen => $"{seen}\n{host.Output}");
    }
}
