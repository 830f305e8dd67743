using System.Globalization;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Benchmarks;

/// <summary>Collects the figures and prints them as issue 12 asks: side by side, with the ratios its goals name.</summary>
internal sealed partial class Report(int rounds)
{
    private readonly Dictionary<string, Timings> latency = [];
    private readonly List<string> order = [];
    private readonly Dictionary<(string Path, int Concurrency), double> throughput = [];
    private readonly List<(string When, (double Host, double Containers, int Count) Memory)> memory = [];
    private readonly List<(string Mode, IReadOnlyList<(double Container, double Queued)> Runs)> breakdowns = [];
    private double transitionsPerSecond = double.NaN;
    private double transitionsWarmingPerSecond = double.NaN;

    public void Header()
    {
        Console.WriteLine($"Skriptoteket benchmark (issue 12), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {rounds} rounds per latency path after one warm-up");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {MemTotalGiB():F1} GiB, load average at start {LoadAverage()}; runner image {TestEnvironment.RunnerImage}");
    }

    public void Add(string key, Timings timings)
    {
        latency[key] = timings;
        order.Add(key);
        Console.WriteLine($"  measured {timings.Name}: p50 {timings.P50:F0} ms");
    }

    public void Throughput(string path, int concurrency, double perSecond)
    {
        throughput[(path, concurrency)] = perSecond;
        Console.WriteLine($"  measured throughput {path} at {concurrency}: {perSecond:F2}/s");
    }

    public void Memory(string when, (double Host, double Containers, int Count) figures) => memory.Add((when, figures));

    public void Transitions(double warming, double steady) => (transitionsWarmingPerSecond, transitionsPerSecond) = (warming, steady);

    /// <summary>The supervisor's figures of the trivial HTTP runs, to split the platform's time.</summary>
    public void Breakdown(string mode, IReadOnlyList<(double Container, double Queued)> runs) => breakdowns.Add((mode, runs));

    public void Print()
    {
        var cli = latency.TryGetValue("cli", out var c0) ? c0.P50 : double.NaN;
        var raw = latency.TryGetValue("raw", out var r0) ? r0.P50 : double.NaN;
        Console.WriteLine();
        Console.WriteLine($"load average at end {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine($"{"latency (ms)",-62} {"p50",7} {"p95",7} {"p99",7} {"× CLI",7} {"× raw",7}");
        foreach (var t in order.Select(k => latency[k]))
        {
            Console.WriteLine($"{t.Name,-62} {t.P50,7:F0} {t.P95,7:F0} {t.P99,7:F0} {t.P50 / cli,7:F2} {t.P50 / raw,7:F2}");
        }

        Console.WriteLine();
        Console.WriteLine("goals (issue 12)                                              figure   goal");
        Goal("trivial run p50, pool on ÷ bare docker run --rm", P50("http-on") / cli, "≤ 0.5 (aim ≤ 0.2)");
        Goal("platform overhead p50, pool on (HTTP − execution service) ms", P50("http-on") - P50("exec-on"), "≤ 20");
        Goal("platform overhead p50, pool off (HTTP − execution service) ms", P50("http-off") - P50("exec-off"), "≤ 20");
        Goal("pandas + openpyxl tool p50, pool on ÷ pool off", P50("pandas-on") / P50("pandas-off"), "≤ 0.3");
        Goal("throughput at 8 concurrent, pool on ÷ raw Docker.DotNet loop",
            throughput.GetValueOrDefault(("http-on", 8), double.NaN) / throughput.GetValueOrDefault(("raw", 8), double.NaN), "≥ 0.9");
        Goal("tool state changes per second (16 at once, steady)", transitionsPerSecond, "≥ 1000");
        Goal("tool state changes per second (the first 2,000 after start)", transitionsWarmingPerSecond, "(warm-up; no goal)");
        Goal("catalog page p95 ms", latency.TryGetValue("catalog-page", out var cp) ? cp.P95 : double.NaN, "≤ 50");
        Goal("\"Mina körningar\" page p95 ms", latency.TryGetValue("myruns-page", out var mp) ? mp.P95 : double.NaN, "≤ 50");
        IssueGoals();

        Console.WriteLine();
        Console.WriteLine("where a trivial HTTP run's time goes (p50 ms; from the host's run log)   HTTP   queued  container  rest");
        foreach (var (mode, runs) in breakdowns.Where(b => b.Runs.Count > 0))
        {
            var http = P50(mode == "pool on" ? "http-on" : "http-off");
            var queued = new Timings("queued", [.. runs.Select(r => r.Queued)]).P50;
            var container = new Timings("container", [.. runs.Select(r => r.Container)]).P50;
            Console.WriteLine($"{mode,-72} {http,6:F0} {queued,8:F0} {container,10:F0} {http - queued - container,5:F0}");
        }

        Console.WriteLine();
        Console.WriteLine($"{"throughput (runs/s)",-20} {"raw loop",9} {"pool off",9} {"pool on",9} {"off÷raw",8} {"on÷raw",8}");
        foreach (var n in throughput.Keys.Select(k => k.Concurrency).Distinct().Order())
        {
            var r = throughput.GetValueOrDefault(("raw", n), double.NaN);
            var off = throughput.GetValueOrDefault(("http-off", n), double.NaN);
            var on = throughput.GetValueOrDefault(("http-on", n), double.NaN);
            Console.WriteLine($"{n + " concurrent",-20} {r,9:F2} {off,9:F2} {on,9:F2} {off / r,8:F2} {on / r,8:F2}");
        }

        PrintStaff();
        PrintSteps();
        PrintSoak();

        Console.WriteLine();
        Console.WriteLine($"{"memory (MiB)",-50} {"host RSS",9} {"containers",11} {"count",6}");
        foreach (var (when, m) in memory)
        {
            Console.WriteLine($"{when,-50} {m.Host,9:F0} {m.Containers,11:F0} {m.Count,6}");
        }
    }

    /// <summary>The median of a measured path; NaN when its section was not run.</summary>
    private double P50(string key) => latency.TryGetValue(key, out var t) ? t.P50 : double.NaN;

    private static void Goal(string name, double value, string goal) =>
        Console.WriteLine($"{name,-62} {value,6:F2}   {goal}");

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static double MemTotalGiB()
    {
        var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024 / 1024;
    }
}
