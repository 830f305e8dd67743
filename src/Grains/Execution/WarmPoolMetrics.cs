using System.Diagnostics.Metrics;

namespace Skriptoteket.Grains.Execution;

/// <summary>
/// The warm pool's figures on meter "Skriptoteket.Runs", beside the run metrics (docs/operations.md lists them):
/// containers waiting, runs that found one (hits) or had to create their own (cold starts), and refill time
/// (create until the libraries are imported). Gauges carry the silo's name, as the run gauges do.
/// </summary>
public sealed class WarmPoolMetrics : IDisposable
{
    /// <summary>The runs' meter, shared with RunMetrics (which reads it from here: Runs uses Execution, not the reverse).</summary>
    public const string MeterName = "Skriptoteket.Runs";

    private readonly Meter meter;
    private readonly Counter<long> hits;
    private readonly Counter<long> coldStarts;
    private readonly Histogram<double> refill;
    private readonly KeyValuePair<string, object?> where;
    private Func<int> waiting = () => 0;

    public WarmPoolMetrics(IMeterFactory factory, ILocalSiloDetails silo)
    {
        meter = factory.Create(MeterName);
        where = new KeyValuePair<string, object?>("silo", silo.Name);
        hits = meter.CreateCounter<long>("skriptoteket.pool.hits", description: "Containers taken from the warm pool for a run (no create, no start)");
        coldStarts = meter.CreateCounter<long>("skriptoteket.pool.cold_starts",
            description: "Runs that found no warm container ready and created their own (pool empty, off, or still filling)");
        refill = meter.CreateHistogram<double>("skriptoteket.pool.refill", unit: "ms",
            description: "From a pool container's create until its libraries are imported and it waits for a run");
        meter.CreateObservableGauge("skriptoteket.pool.waiting", () => new Measurement<int>(waiting(), where),
            description: "Warm containers waiting for a run on this silo");
    }

    /// <summary>Where the gauge reads the pool's waiting containers (the pool calls this once).</summary>
    internal void Observe(Func<int> waitingContainers) => waiting = waitingContainers;

    internal void Taken(bool warm) => (warm ? hits : coldStarts).Add(1, where);

    internal void Refilled(TimeSpan took) => refill.Record(took.TotalMilliseconds, where);

    public void Dispose() => meter.Dispose();
}
