using Skriptoteket.Benchmarks;
using Skriptoteket.TestSupport;

// Issue 12's figures in one run on one machine: see docs/performance.md. Arguments: rounds per latency path (20);
// optionally the sections to run, comma-separated (containers,off,data,changes,on,staff,staff2,soak,insights; all by default;
// data includes changes), to re-measure one change quickly; the goals table then shows only the figures that were measured.
// The soak's 1,000 runs, the state changes' 6,000 and the bursts' teachers do not depend on the rounds.
var rounds = args.Length > 0 ? int.Parse(args[0]) : 20;
var sections = args.Length > 1 ? args[1].Split(',', StringSplitOptions.RemoveEmptyEntries) : ["containers", "off", "data", "on", "staff", "staff2", "soak", "insights"];
if (rounds < 1)
{
    throw new ArgumentOutOfRangeException(nameof(args), "Rounds must be at least 1.");
}
var report = new Report(rounds);
report.Header();

var sample = Path.Combine(RepositoryPaths.Root, "runner-image", "samples", "csv_to_xlsx");
var pandasSource = await File.ReadAllTextAsync(Path.Combine(sample, "script.py"));
var grades = await File.ReadAllBytesAsync(Path.Combine(sample, "input", "elever.csv"));
var small = "namn\nAda\n"u8.ToArray();
int[] levels = [1, 4, 8, 16];
var perLevel = Math.Max(16, rounds + 12);

// 1. Below the platform: the CLI, the engine's own cycle, the execution service cold and warm.
if (sections.Contains("containers"))
{
    await using var containers = new ContainerPaths();
    report.Add("cli", await Timings.MeasureAsync("docker run --rm <image> python3 -c pass (CLI)", rounds, containers.CliRunAsync));
    report.Add("raw", await Timings.MeasureAsync("raw Docker.DotNet cycle (create, start, wait, remove)", rounds, containers.RawCycleAsync));
    report.Add("exec-off", await Timings.MeasureAsync("execution service, pool off (hardened container + wrapper)", rounds, containers.ColdRunAsync, containers.AwaitRemovalAsync));
    report.Add("exec-on", await Timings.MeasureAsync("execution service, pool on (primed warm container)", rounds, containers.WarmRunAsync, containers.WaitForPrimedAsync));
    report.Add("exec-plain", await Timings.MeasureAsync("execution service, pool on, plain-profile warm container", rounds, containers.PlainWarmRunAsync, containers.WaitForPlainPrimedAsync));
    foreach (var c in levels)
    {
        report.Throughput("raw", c, await Timings.ThroughputAsync(c, perLevel, containers.RawCycleAsync));
    }
}

// 2. The whole platform over HTTP, pool off; then the data-heavy pages and tool state changes on the same host.
if (sections.Contains("off") || sections.Contains("data") || sections.Contains("changes"))
{
    await using var off = await PlatformPath.StartAsync(pool: false);
    if (sections.Contains("off"))
    {
        var trivial = await off.AddToolAsync(ContainerPaths.TrivialScript);
        var pandas = await off.AddToolAsync(pandasSource);
        report.Memory("idle, pool off", await off.MemoryAsync());
        var logged = off.RunLogCount;
        report.Add("http-off", await Timings.MeasureAsync("trivial tool over HTTP, pool off", rounds, () => off.RunAsync(trivial, "elever.csv", small)));
        report.Breakdown("pool off", off.RunLogFigures(logged));
        report.Add("pandas-off", await Timings.MeasureAsync("pandas + openpyxl tool over HTTP, pool off", rounds, () => off.RunAsync(pandas, "elever.csv", grades)));
        foreach (var c in levels)
        {
            var load = c == 8 ? Task.Delay(TimeSpan.FromSeconds(2)).ContinueWith(_ => off.MemoryAsync()).Unwrap() : null;
            report.Throughput("http-off", c, await Timings.ThroughputAsync(c, perLevel, () => off.RunAsync(trivial, "elever.csv", small)));
            if (load is not null)
            {
                report.Memory("under load (8 concurrent runs), pool off", await load);
            }
        }
    }

    if (sections.Contains("data"))
    {
        await DataPaths.SeedAsync(off, ContainerPaths.TrivialScript);
        report.Add("catalog-page", await Timings.MeasureAsync("catalog page /professions/larare (first 50 of 200 tools)", rounds * 2, () => DataPaths.GetAsync(off, "professions/larare")));
        report.Add("catalog-api", await Timings.MeasureAsync("catalog API professions/larare", rounds * 2, () => DataPaths.GetAsync(off, "api/v1/catalog/professions/larare")));
        report.Add("myruns-page", await Timings.MeasureAsync("\"Mina körningar\" page /my-runs (10,000 own of 100,000)", rounds * 2, () => DataPaths.GetAsync(off, "my-runs")));
        report.Add("myruns-api", await Timings.MeasureAsync("\"Mina körningar\" API my-runs?limit=50", rounds * 2, () => DataPaths.GetAsync(off, "api/v1/my-runs?limit=50")));
    }
    if (sections.Contains("data") || sections.Contains("changes"))
    {
        await StateChanges.MeasureAsync(off, report, rounds);
    }
}

// 3. The whole platform over HTTP, pool on (the product's default).
if (sections.Contains("on"))
{
    await using var on = await PlatformPath.StartAsync(pool: true);
    var trivial = await on.AddToolAsync(ContainerPaths.TrivialScript);
    var pandas = await on.AddToolAsync(pandasSource);
    await on.WaitForFullPoolAsync(2);
    report.Memory("idle, pool on and full (2 primed containers)", await on.MemoryAsync());
    var logged = on.RunLogCount;
    report.Add("http-on", await Timings.MeasureAsync("trivial tool over HTTP, pool on", rounds, () => on.RunAsync(trivial, "elever.csv", small), on.WaitForPrimedAsync));
    report.Breakdown("pool on", on.RunLogFigures(logged));
    report.Add("pandas-on", await Timings.MeasureAsync("pandas + openpyxl tool over HTTP, pool on", rounds, () => on.RunAsync(pandas, "elever.csv", grades), on.WaitForPrimedAsync));
    foreach (var c in levels)
    {
        var load = c == 8 ? Task.Delay(TimeSpan.FromSeconds(2)).ContinueWith(_ => on.MemoryAsync()).Unwrap() : null;
        report.Throughput("http-on", c, await Timings.ThroughputAsync(c, perLevel, () => on.RunAsync(trivial, "elever.csv", small)));
        if (load is not null)
        {
            report.Memory("under load (8 concurrent runs), pool on", await load);
        }
    }
}

// 4. The staff meeting (issue 23): 100 teachers start the pandas tool within 10 s on one silo with the product's limits,
// then 20 teachers each take the class split's three steps once on the same host.
if (sections.Contains("staff"))
{
    await using var staff = await PlatformPath.StartAsync(pool: true, productLimits: true);
    var pandas = await staff.AddToolAsync(pandasSource);
    var split = await staff.AddToolAsync(await StepBurst.SourceAsync());
    await staff.WaitForFullPoolAsync(2);
    report.Staff(await StaffBurst.RunAsync("one host", staff.Admin, staff.Database.ConnectionString, pandas, "elever.csv", grades, teachers: 100, spread: TimeSpan.FromSeconds(10)));
    await staff.WaitForFullPoolAsync(2);
    report.Steps(await StepBurst.RunAsync("one host", staff.Admin, staff.Database.ConnectionString, split, teachers: 20, spread: TimeSpan.FromSeconds(10)));
}

// 4b. The same bursts through the web node of a cluster with one runner silo and with two (issue 23).
if (sections.Contains("staff2"))
{
    foreach (var runners in new[] { 1, 2 })
    {
        await ClusterBurst.RunAsync(report, runners, pandasSource, "elever.csv", grades);
    }
}

// 4c. The soak (issue 23): 1,000 trivial runs 8 at a time on one host with the pool on (as section "on").
if (sections.Contains("soak"))
{
    await using var soakHost = await PlatformPath.StartAsync(pool: true);
    var trivial = await soakHost.AddToolAsync(ContainerPaths.TrivialScript);
    await soakHost.WaitForFullPoolAsync(2);
    report.Soak(await Soak.RunAsync(soakHost, trivial, "elever.csv", small));
}

// 5. Tool insights at 100,000 runs (issue 22): the grain's queries with and without their indexes.
if (sections.Contains("insights"))
{
    await InsightsPaths.MeasureAsync(report, rounds);
}

report.Print();
