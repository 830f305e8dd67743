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
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var seen = -1;
        while (DateTime.UtcNow < deadline)
        {
            var orleans = (await HealthDetailsAsync(host)).GetProperty("checks").GetProperty("orleans");
            if (orleans.GetProperty("data").TryGetProperty("activeSilos", out var count) && (seen = count.GetInt32()) == expected)
            {
                return;
            }
            await Task.Delay(250);
        }
        Assert.Fail($"Expected {expected} active silos, last saw {seen}.\n{host.Output}");
    }
}
