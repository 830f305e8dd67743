namespace Skriptoteket.Benchmarks;

/// <summary>Wall-clock samples of one way of doing something, in milliseconds.</summary>
internal sealed record Timings(string Name, IReadOnlyList<double> Samples)
{
    public double P50 => Percentile(0.5);

    public double P95 => Percentile(0.95);

    public double P99 => Percentile(0.99);

    // Nearest rank: always one of the measured samples (with an even count the median is the lower middle one).
    private double Percentile(double p)
    {
        var sorted = Samples.Order().ToList();
        return sorted[(int)Math.Clamp(Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    /// <summary>One warm-up, then <paramref name="rounds"/> timed calls; <paramref name="between"/> runs untimed before each.</summary>
    public static async Task<Timings> MeasureAsync(string name, int rounds, Func<Task> once, Func<Task>? between = null)
    {
        if (between is not null)
        {
            await between();
        }
        await once(); // warm-up: first image layer reads, JIT, connection pools
        var samples = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            if (between is not null)
            {
                await between();
            }
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await once();
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }
        return new Timings(name, samples);
    }

    /// <summary>Runs <paramref name="total"/> calls with <paramref name="concurrency"/> at a time; returns calls per second.</summary>
    public static async Task<double> ThroughputAsync(int concurrency, int total, Func<Task> once)
    {
        var next = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= total)
            {
                await once();
            }
        }));
        return total / clock.Elapsed.TotalSeconds;
    }
}
