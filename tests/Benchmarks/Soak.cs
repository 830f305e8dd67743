using System.Diagnostics;

namespace Skriptoteket.Benchmarks;

/// <summary>
/// The soak of issue 23: 1,000 runs of the trivial tool, 8 at a time, over HTTP against one host with the pool on.
/// None may fail; afterwards the host may have no container left but its pool's idle warm ones; its resident memory
/// after all runs is compared with after the first 100 (goal: within 10 %).
/// </summary>
internal static class Soak
{
    public sealed record Figures(int Runs, int First, int Concurrency, int Failed, double PerSecond, double MiBAfterFirst, double MiBAfterAll,
        int Leftovers, int IdleWarm, string? FirstFailure);

    public const int Runs = 1000;
    public const int First = 100;
    public const int Concurrency = 8;

    public static async Task<Figures> RunAsync(PlatformPath host, string slug, string fileName, byte[] file)
    {
        var failed = 0;
        string? firstFailure = null;
        var busy = TimeSpan.Zero;
        // Every hundred runs the host's memory, so the line shows whether it grows on or settles after its warm-up.
        var resident = new List<double>();
        for (var done = 0; done < Runs; done += First)
        {
            await Batch(First);
            resident.Add(host.HostMiB());
        }
        Console.WriteLine($"  soak: host RSS every {First} runs (MiB): {string.Join(' ', resident.Select(r => r.ToString("F0")))}");
        var (afterFirst, afterAll) = (resident[0], resident[^1]);

        // A run's container is removed after its outcome is recorded: give the removals a moment before counting.
        var clock = Stopwatch.StartNew();
        var left = await host.Containers.ListAsync();
        while (left.Any(c => !SiloContainers.IsIdleWarm(c)) && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(200);
            left = await host.Containers.ListAsync();
        }
        foreach (var c in left.Where(c => !SiloContainers.IsIdleWarm(c)).Take(3))
        {
            Console.WriteLine($"  soak: left behind {string.Join(',', c.Names)} ({c.State}) after {clock.Elapsed.TotalSeconds:F0} s");
        }
        return new Figures(Runs, First, Concurrency, failed, Runs / busy.TotalSeconds, afterFirst, afterAll,
            left.Count(c => !SiloContainers.IsIdleWarm(c)), left.Count(SiloContainers.IsIdleWarm), firstFailure);

        async Task Batch(int count)
        {
            var next = 0;
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
            {
                while (Interlocked.Increment(ref next) <= count)
                {
                    try
                    {
                        await host.RunAsync(slug, fileName, file);
                    }
                    catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
                    {
                        Interlocked.Increment(ref failed);
                        Interlocked.CompareExchange(ref firstFailure, e.Message, null);
                    }
                }
            }));
            busy += watch.Elapsed;
        }
    }
}
