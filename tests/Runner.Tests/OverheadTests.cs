using System.Diagnostics;
using Docker.DotNet.Models;
using Skriptoteket.Grains.Abstractions.Runs;
using Xunit.Abstractions;

namespace Skriptoteket.Runner.Tests;

/// <summary>Measures a trivial run through the execution service against the bare container cycle of the same image.</summary>
[Collection(RunnerCollection.Name)]
public sealed class OverheadTests(RunnerFixture fixture, ITestOutputHelper output)
{
    private const int Rounds = 7;

    [Fact]
    public async Task Trivial_run_costs_little_more_than_a_bare_container_cycle()
    {
        var bare = new List<double>();
        var full = new List<double>();
        for (var i = 0; i < Rounds; i++)
        {
            bare.Add(await BareCycleAsync());
            var clock = Stopwatch.StartNew();
            var outcome = await fixture.RunAsync("def run_tool(i, o):\n    return 'ok'\n");
            full.Add(clock.Elapsed.TotalMilliseconds);
            Assert.Equal(RunStatus.Succeeded, outcome.Status);
        }
        var (bareMedian, fullMedian) = (Median(bare), Median(full));
        output.WriteLine($"bare container cycle median {bareMedian:F0} ms; trivial run median {fullMedian:F0} ms; overhead {fullMedian - bareMedian:F0} ms");

        Assert.True(fullMedian < 5000, $"trivial run took {fullMedian} ms");
    }

    /// <summary>create → start → wait → remove of the runner image running /bin/true (no wrapper, no tar).</summary>
    private async Task<double> BareCycleAsync()
    {
        var containers = fixture.Docker.Client.Containers;
        var clock = Stopwatch.StartNew();
        var id = (await containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = fixture.Options.RunnerImage,
            Entrypoint = ["/bin/true"],
            Labels = new Dictionary<string, string> { ["org.skriptoteket.silo"] = RunnerFixture.Silo },
            HostConfig = new HostConfig { NetworkMode = "none", ReadonlyRootfs = true },
        })).ID;
        try
        {
            await containers.StartContainerAsync(id, new ContainerStartParameters());
            await containers.WaitContainerAsync(id);
        }
        finally
        {
            await containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true });
        }
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
