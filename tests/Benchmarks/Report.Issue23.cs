namespace Skriptoteket.Benchmarks;

/// <summary>Issue 23's figures: the staff bursts (one host, clusters), the three-step bursts, the soak.</summary>
internal sealed partial class Report
{
    private readonly List<StaffBurst.Figures> staff = [];
    private readonly List<StepBurst.Figures> steps = [];
    private Soak.Figures? soak;

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
}
