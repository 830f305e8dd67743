using Skriptoteket.Benchmarks;

// Time to first result of a trivial script, layer by layer, in one run so the figures share one machine state.
var rounds = args.Length > 0 ? int.Parse(args[0]) : 15;
if (rounds < 1)
{
    throw new ArgumentOutOfRangeException(nameof(args), "Rounds must be at least 1.");
}
Console.WriteLine($"Trivial script, {rounds} rounds each after one warm-up; runner image {Skriptoteket.TestSupport.TestEnvironment.RunnerImage}");

using var containers = new ContainerPaths();
await using var platform = await PlatformPath.StartAsync();
var results = new List<Timings>
{
    await Timings.MeasureAsync("bare container cycle (engine only)", rounds, containers.BareCycleAsync),
    await Timings.MeasureAsync("execution service (hardened container + wrapper)", rounds, containers.ExecutionServiceRunAsync),
    await Timings.MeasureAsync("whole platform over HTTP (POST run → finished)", rounds, platform.RunToFirstResultAsync),
};

var bare = results[0].Median;
Console.WriteLine($"{"path",-52} {"median ms",10} {"p90 ms",8} {"× bare",7} {"+ ms over bare",15}");
foreach (var t in results)
{
    Console.WriteLine($"{t.Name,-52} {t.Median,10:F0} {t.P90,8:F0} {t.Median / bare,7:F2} {t.Median - bare,15:F0}");
}
