using System.Diagnostics;
using Skriptoteket.TestSupport;
using Xunit.Abstractions;

namespace Skriptoteket.Cluster.Tests;

/// <summary>
/// kill -9 of a runner silo mid-run, under light load: its running runs end `interrupted` within a bounded time,
/// waiting runs start on the other runner silo, every record ends final, none is lost, no container is left.
/// </summary>
public sealed class RunnerKillTests(ITestOutputHelper output) : ClusterTestBase
{
    /// <summary>The bound stated in docs/adr/0009 (lease expiry plus a sweep) with a margin for a loaded machine.</summary>
    private static readonly TimeSpan InterruptedWithin = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Runs_of_a_killed_runner_silo_end_interrupted_and_waiting_runs_start_elsewhere()
    {
        // Four slots (2 per runner silo) busy for 20 s, four more runs waiting.
        var (slug, runs) = await StartClusterWithSleepingRunsAsync(8, 20);
        var victim = Cluster.Node("runner-1");
        var survivor = Cluster.Node("runner-2");
        // The queue, not the runs rows, says who holds what: a claimed run's container starts at once while its
        // "running" report to the run grain may still be on its way. Once all four slots are claimed, nothing moves
        // for 20 s.
        IReadOnlyDictionary<Guid, string?> claims = new Dictionary<Guid, string?>();
        await Eventually.UntilAsync(async () => (claims = await QueueClaimsAsync()).Values.Count(c => c is not null) == 4,
            TimeSpan.FromSeconds(60), "four runs claimed");
        var runningOnVictim = claims.Where(c => c.Value == victim.SiloName).Select(c => c.Key).ToList();
        var waiting = claims.Where(c => c.Value is null).Select(c => c.Key).ToList();
        Assert.Equal(2, runningOnVictim.Count);
        Assert.Equal(4, waiting.Count);

        var killed = Stopwatch.StartNew();
        await victim.Host.KillAsync();
        await Eventually.UntilAsync(async () => (await RunRowsAsync()).Where(r => runningOnVictim.Contains(r.Id)).All(r => r.Status == "interrupted"),
            InterruptedWithin, $"runs {string.Join(", ", runningOnVictim)} of the killed silo end interrupted");
        var interruptedAfter = killed.Elapsed;
        var figure = $"kill -9 of a runner silo: its {runningOnVictim.Count} running run(s) ended interrupted {interruptedAfter.TotalSeconds:F1} s after the kill";
        output.WriteLine(figure);
        Console.WriteLine($"[cluster fault] {figure}");

        // Every run ends final and none is lost; the waiting ones ran on the surviving runner silo.
        var rows = await WaitForAllFinalAsync(runs.Count, TimeSpan.FromMinutes(3));
        Assert.Equal(runs.ToHashSet(), rows.Select(r => r.Id).ToHashSet());
        Assert.All(rows.Where(r => waiting.Contains(r.Id)), r =>
        {
            Assert.Equal("succeeded", r.Status);
            Assert.Equal(survivor.SiloName, r.Silo);
        });
        Assert.All(rows.Where(r => !runningOnVictim.Contains(r.Id)), r => Assert.Equal("succeeded", r.Status));

        // Nobody restarts the killed silo: the survivors remove its containers (same engine here) and keep serving.
        await WaitForNoContainersAsync(TimeSpan.FromSeconds(90));
        await AssertANewRunSucceedsAsync(slug, "0", TimeSpan.FromSeconds(60));
    }
}
