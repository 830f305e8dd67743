namespace Skriptoteket.Benchmarks;

/// <summary>Wall-clock samples of one way of running a trivial script, in milliseconds.</summary>
internal sealed record Timings(string Name, IReadOnlyList<double> Samples)
{
    public double Median => Percentile(0.5);

    public double P90 => Percentile(0.9);

    // Nearest rank: always one of the measured samples (with an even count the median is the lower middle one).
    private double Percentile(double p)
    {
        var sorted = Samples.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
    }

    public static async Task<Timings> MeasureAsync(string name, int rounds, Func<Task> once)
    {
        await once(); // warm-up: first image layer reads, JIT, connection pools
        var samples = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await once();
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }
        return new Timings(name, samples);
    }
}
