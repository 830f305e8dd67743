namespace Skriptoteket.Benchmarks;

/// <summary>
/// Tool state changes (issue 12's "tool state changes", issue 23's ≥ 1,000/s): an admin's metadata save,
/// <c>PUT tools/{id}</c> (the tool grain's state written to PostgreSQL, its query rows and audit row in one batch).
/// Timed one at a time, then 16 at once over 16 tools twice: the first 2,000 changes after the host started (the
/// runtime still compiles the path, tier by tier) and then 4,000 more (the steady state a school's host runs in).
/// Until 2026-12-08 only the first 160–300 were counted, which measured mostly the compiler.
/// </summary>
internal static class StateChanges
{
    public const int Concurrency = 16;
    public const int WarmingChanges = 2_000;
    public const int SteadyChanges = 4_000;

    public static async Task MeasureAsync(PlatformPath host, Report report, int rounds)
    {
        var tools = await DataPaths.CreateToolsAsync(host, Concurrency);
        var n = 0;
        Task Change()
        {
            var i = Interlocked.Increment(ref n);
            var (id, slug) = tools[i % tools.Count];
            return DataPaths.ChangeAsync(host, id, slug, i);
        }
        report.Add("transition", await Timings.MeasureAsync("tool state change (PUT tools/{id}: grain state + rows)", rounds * 2,
            () => DataPaths.ChangeAsync(host, tools[0].Id, tools[0].Slug, Interlocked.Increment(ref n))));
        var warming = await Timings.ThroughputAsync(Concurrency, WarmingChanges, Change);
        Console.WriteLine($"  measured tool state changes, the first {WarmingChanges:N0} at {Concurrency} at once: {warming:F0}/s");
        var steady = await Timings.ThroughputAsync(Concurrency, SteadyChanges, Change);
        Console.WriteLine($"  measured tool state changes, {SteadyChanges:N0} more at {Concurrency} at once: {steady:F0}/s");
        report.Transitions(warming, steady);
    }
}
