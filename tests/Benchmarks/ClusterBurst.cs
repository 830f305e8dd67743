using Npgsql;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Benchmarks;

/// <summary>
/// The staff bursts through a cluster's web node (issue 23): the nodes scripts/cluster.sh starts (runner silos, a
/// plain silo, a web node; the same published host, only role settings differ; 8 connections per pool as there),
/// with the product's limits on every runner. Started through <see cref="ClusterProcess"/> rather than the script
/// itself: the script always takes the database of .local/env.sh (the developer's), and the benchmark's cluster needs
/// its own cluster id, ports and database (a PostgreSQL of its own: four hosts under a 100-run burst want more
/// connections than the shared server spares). Everything is stopped afterwards, also when the burst fails.
/// </summary>
internal static class ClusterBurst
{
    /// <summary>Both bursts on a fresh cluster; each is reported as soon as it is done (with the load average then).</summary>
    public static async Task RunAsync(Report report, int runners, string pandasSource, string fileName, byte[] file)
    {
        await using var postgres = await PrivatePostgres.StartAsync($"bench-staff{runners}");
        var settings = new Dictionary<string, string>(AdminSession.Settings) { ["Execution__WarmPoolSize"] = "2" };
        var cluster = new ClusterProcess(postgres.ConnectionString + ";Maximum Pool Size=8;Connection Idle Lifetime=60", settings);
        try
        {
            // One after the other (ClusterProcess: four hosts starting at once on two cores starve each other).
            await cluster.StartAsync([.. Enumerable.Range(1, runners).Select(i => ($"runner-{i}", NodeRole.Runner)),
                ("silo-1", NodeRole.Silo), ("web-1", NodeRole.Web)]);
            var where = $"cluster, {runners} runner silo{(runners == 1 ? "" : "s")}";
            Console.WriteLine($"  {where}: {cluster.Nodes.Count} nodes ready ({cluster.ClusterId})");
            using var admin = await AdminSession.LoginAsync(cluster.Web.Host.BaseAddress);
            var pandas = (await ToolRows.InsertAsync(postgres.ConnectionString, pandasSource, admin.UserId, published: true)).Slug;
            var split = (await ToolRows.InsertAsync(postgres.ConnectionString, await StepBurst.SourceAsync(), admin.UserId, published: true)).Slug;

            await FullPoolsAsync(cluster);
            var staff = await StaffBurst.RunAsync(where, admin, postgres.ConnectionString, pandas, fileName, file, teachers: 100,
                spread: TimeSpan.FromSeconds(10));
            report.Staff(Short(staff, cluster));
            await FullPoolsAsync(cluster);
            var steps = await StepBurst.RunAsync(where, admin, postgres.ConnectionString, split, teachers: 20, spread: TimeSpan.FromSeconds(10));
            report.Steps(steps with { Silos = Short(steps.Silos, cluster) });
        }
        finally
        {
            await cluster.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
        }
    }

    /// <summary>Every runner's pool full and primed, as the one-host staff section waits for its pool.</summary>
    private static async Task FullPoolsAsync(ClusterProcess cluster)
    {
        foreach (var runner in cluster.Runners)
        {
            using var containers = new SiloContainers(runner.SiloName);
            await containers.WaitForPrimedAsync(2, TimeSpan.FromSeconds(180));
        }
    }

    /// <summary>"runner-1" for the silo name "cluster-1a2b3c4d-runner-1".</summary>
    private static StaffBurst.Figures Short(StaffBurst.Figures figures, ClusterProcess cluster) =>
        figures with { Silos = Short(figures.Silos, cluster) };

    private static IReadOnlyDictionary<string, int> Short(IReadOnlyDictionary<string, int> silos, ClusterProcess cluster) =>
        silos.ToDictionary(s => s.Key.Replace(cluster.ClusterId + "-", "", StringComparison.Ordinal), s => s.Value);
}
