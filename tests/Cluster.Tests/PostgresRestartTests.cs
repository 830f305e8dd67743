using Skriptoteket.TestSupport;
using Xunit.Abstractions;

namespace Skriptoteket.Cluster.Tests;

/// <summary>
/// PostgreSQL restarts while runs are in flight (the test's own server, never the shared one): every run record
/// ends final, none is lost, no container is left, and the service answers again without a manual step.
/// </summary>
public sealed class PostgresRestartTests(ITestOutputHelper output) : ClusterTestBase
{
    [Fact]
    public async Task Runs_in_flight_during_a_postgresql_restart_all_end_final_and_new_runs_succeed()
    {
        var (slug, runs) = await StartClusterWithSleepingRunsAsync(6, 5);
        await Eventually.UntilAsync(async () => (await RunRowsAsync()).Any(r => r.Status == "running"), TimeSpan.FromSeconds(60), "a run running");

        await Postgres.RestartAsync();

        var rows = await WaitForAllFinalAsync(runs.Count, TimeSpan.FromMinutes(3));
        Assert.Equal(runs.ToHashSet(), rows.Select(r => r.Id).ToHashSet());
        output.WriteLine("after a PostgreSQL restart: " + string.Join(", ", rows.GroupBy(r => r.Status).Select(g => $"{g.Count()} {g.Key}")));
        await WaitForNoContainersAsync(TimeSpan.FromSeconds(60));
        await AssertANewRunSucceedsAsync(slug, "0", TimeSpan.FromSeconds(90));
        Assert.All(Cluster.Nodes, n => Assert.Null(n.Host.ExitCode)); // no node gave up
    }
}
