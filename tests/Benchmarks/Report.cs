using System.Globalization;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Benchmarks;

/// <summary>Collects the figures and prints them as issue 12 asks: side by side, with the ratios its goals name.</summary>
internal sealed class Report(int rounds)
{
    private readonly Dictionary<string, Timings> latency = [];
    private readonly List<string> order = [];
    private readonly Dictionary<(string Path, int Concurrency), double> throughput = [];
    private readonly List<(string When, (double Host, double Containers, int Count) Memory)> memory = [];
    private readonly List<(string Mode, IReadOnlyList<(double Container, double Queued)> Runs)> breakdowns = [];
    private double transitionsPerSecond = double.NaN;
    private readonly List<StaffBurst.Figures> staff = [];
    private readonly List<StepBurst.Figures> steps = [];
    private Soak.Figures? soak;

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

    public void Transitions(double perSecond) => transitionsPerSecond = perSecond;

    public void Staff(StaffBurst.Figures figures)
    {
        staff.Add(figures);
        Console.WriteLine($"  measured staff burst ({figures.Where}): {figures.Succeeded} of {figures.Teachers} succeeded, p95 {figures.ToResult.P95:F0} ms to result; load average {LoadAverage()}");
    }

    public void Steps(StepBurst.Figures figures)
    {
        steps.Add(figures);
        Console.WriteLine($"  measured three-step burst ({figures.Where}): {figures.Completed} of {figures.Teachers} completed"
            + (figures.Completed > 0 ? $", p95 {figures.Whole.P95:F0} ms for the three steps" : "") + $"; load average {LoadAverage()}");
    }

    public void Soak(Soak.Figures figures)
    {
        soak = figures;
        Console.WriteLine($"  measured soak: {figures.Runs - figures.Failed} of {figures.Runs} succeeded, {figures.PerSecond:F2} runs/s; load average {LoadAverage()}");
    }

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
        Goal("tool state changes per second (16 at once, PostgreSQL)", transitionsPerSecond, "≥ 1000");
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

    /// <summary>Issue 23's goals for what was measured: the soak, and every staff and three-step burst.</summary>
    private void IssueGoals()
    {
        if (soak is null && staff.Count == 0 && steps.Count == 0)
        {
            return;
        }
        Console.WriteLine();
        Console.WriteLine("goals (issue 23)                                              figure   goal");
        if (soak is { } s)
        {
            Goal($"soak: failed runs of {s.Runs}", s.Failed, "= 0");
            Goal("soak: containers left besides the pool's idle warm ones", s.Leftovers, "= 0");
            Goal($"soak: host RSS after {s.Runs} runs ÷ after the first {s.First}", s.MiBAfterAll / s.MiBAfterFirst, "≤ 1.10");
        }
        foreach (var f in staff)
        {
            Goal($"staff burst, {f.Where}: refused + failed", f.Refused + f.Failed, "= 0");
        }
        foreach (var f in staff.Where(f => f.Where.StartsWith("cluster", StringComparison.Ordinal)))
        {
            Goal($"staff burst, {f.Where}: silos that ran runs", f.Silos.Count, f.Where.Contains("2 runner") ? "= 2" : "= 1");
        }
        foreach (var f in steps)
        {
            Goal($"three-step burst, {f.Where}: not through", f.Teachers - f.Completed, "= 0");
        }
    }

    private void PrintStaff()
    {
        if (staff.Count == 0)
        {
            return;
        }
        var f0 = staff[0];
        Console.WriteLine();
        Console.WriteLine($"staff burst (issue 23): {f0.Teachers} teachers start the pandas + openpyxl tool within {f0.SpreadSeconds:F0} s through the web node;");
        Console.WriteLine("  product limits on every runner silo (2 slots, 200 queued, pool 2); click to result with ?wait=");
        Console.WriteLine($"{"",-34}" + string.Concat(staff.Select(f => $"{f.Where,26}")));
        Row("succeeded / refused / failed", f => $"{f.Succeeded} / {f.Refused} / {f.Failed}");
        Row("furthest queue position shown", f => $"{f.FurthestQueuePosition}");
        Row("click to result p50 ms", f => $"{f.ToResult.P50:F0}");
        Row("click to result p95 ms", f => $"{f.ToResult.P95:F0}");
        Row("click to result max ms", f => $"{f.ToResult.Samples.DefaultIfEmpty(double.NaN).Max():F0}");
        Row("all done after s", f => $"{f.WholeSeconds:F1}");
        Row("runs per silo", f => string.Join(", ", f.Silos.OrderBy(s => s.Key).Select(s => $"{(s.Key.StartsWith("bench-", StringComparison.Ordinal) ? "host" : s.Key)} {s.Value}")));

        void Row(string name, Func<StaffBurst.Figures, string> value) =>
            Console.WriteLine($"{name,-34}" + string.Concat(staff.Select(f => $"{value(f),26}")));
    }

    private void PrintSteps()
    {
        if (steps.Count == 0)
        {
            return;
        }
        var f0 = steps[0];
        Console.WriteLine();
        Console.WriteLine($"three-step burst (issue 23): {f0.Teachers} teachers each run the class split (examples/tools/klassdelning) once within {f0.SpreadSeconds:F0} s:");
        Console.WriteLine("  read the list, step \"dela\", step \"skriv_ut\" (PDF); each step click to result with ?wait=, p50 / p95 ms");
        Console.WriteLine($"{"where",-26} {"through",8} {"step 1",13} {"step 2",13} {"step 3",13} {"three steps",13} {"all done s",10}  runs per silo");
        foreach (var f in steps)
        {
            var cells = f.Completed == 0 ? string.Concat(Enumerable.Repeat($"{"-",14}", 4))
                : string.Concat(f.Steps.Append(f.Whole).Select(t => $" {$"{t.P50:F0} / {t.P95:F0}",13}"));
            var silos = string.Join(", ", f.Silos.OrderBy(s => s.Key).Select(s => $"{(s.Key.StartsWith("bench-", StringComparison.Ordinal) ? "host" : s.Key)} {s.Value}"));
            Console.WriteLine($"{f.Where,-26} {$"{f.Completed}/{f.Teachers}",8}{cells} {f.WholeSeconds,10:F1}  {silos}");
        }
    }

    private void PrintSoak()
    {
        if (soak is not { } s)
        {
            return;
        }
        Console.WriteLine();
        Console.WriteLine($"soak (issue 23): {s.Runs} runs of the trivial tool over HTTP, {s.Concurrency} at a time, one host, pool on (2)");
        Console.WriteLine($"  succeeded {s.Runs - s.Failed}, failed {s.Failed}{(s.FirstFailure is null ? "" : $" (first: {s.FirstFailure})")}; {s.PerSecond:F2} runs/s");
        Console.WriteLine($"  containers of the host afterwards: {s.IdleWarm} idle warm (the pool), {s.Leftovers} else");
        Console.WriteLine($"  host RSS after the first {s.First} runs {s.MiBAfterFirst:F0} MiB, after all {s.Runs} {s.MiBAfterAll:F0} MiB: ratio {s.MiBAfterAll / s.MiBAfterFirst:F2} (goal ≤ 1.10)");
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
