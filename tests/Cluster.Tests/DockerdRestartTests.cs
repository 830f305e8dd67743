using Skriptoteket.TestSupport;
using Xunit.Abstractions;

namespace Skriptoteket.Cluster.Tests;

/// <summary>
/// The Docker engine restarts mid-run (the test's own dockerd, never the shared one): the runs whose containers
/// it stopped end final, none is lost, no container is left, and new runs succeed once the engine is back.
/// </summary>
public sealed class DockerdRestartTests(ITestOutputHelper output) : ClusterTestBase
{
    private PrivateDockerd docker = null!;

    public override async Task InitializeAsync()
    {
        docker = await PrivateDockerd.StartAsync();
        await base.InitializeAsync();
    }

    protected override IDictionary<string, string> NodeSettings(PrivatePostgres postgres) =>
        new Dictionary<string, string>(base.NodeSettings(postgres)) { ["Execution__DockerEndpoint"] = docker.Endpoint };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await docker.DisposeAsync();
    }

    [Fact]
    public async Task Runs_in_flight_during_a_dockerd_restart_all_end_final_and_new_runs_succeed()
    {
        var (slug, runs) = await StartClusterWithSleepingRunsAsync(6, 15);
        await Eventually.UntilAsync(async () => (await RunRowsAsync()).Count(r => r.Status == "running") >= 2, TimeSpan.FromSeconds(60), "runs running");

        await docker.RestartAsync();

        var rows = await WaitForAllFinalAsync(runs.Count, TimeSpan.FromMinutes(3));
        Assert.Equal(runs.ToHashSet(), rows.Select(r => r.Id).ToHashSet());
        output.WriteLine("after a dockerd restart: " + string.Join(", ", rows.GroupBy(r => r.Status).Select(g => $"{g.Count()} {g.Key}")));
        // Containers the restart killed are swept within a minute or so (run sweeper 15 s, warm pool leftovers 1 min).
        await WaitForNoContainersAsync(TimeSpan.FromSeconds(150), docker.Endpoint);
        await AssertANewRunSucceedsAsync(slug, "0", TimeSpan.FromSeconds(90));
    }
}
