using Skriptoteket.Grains.Execution;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Skriptoteket.Grains.Persistence;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Runs;

/// <summary>
/// Meter "Skriptoteket.Runs" (docs/operations.md lists what each instrument means): runs started and finished,
/// their duration, queue length and wait, slots in use, container start latency, rows not yet written. Gauges
/// carry this silo's name, so a cluster's figures can be told apart. Also the activity source of run traces.
/// </summary>
public sealed class RunMetrics : IDisposable
{
    public const string MeterName = WarmPoolMetrics.MeterName;

    /// <summary>Traces: one "run container" span per run, a child of the call that started the run.</summary>
    public static readonly ActivitySource Tracing = new(MeterName);

    private readonly Meter meter;
    private readonly Counter<long> started;
    private readonly Counter<long> finished;
    private readonly Counter<long> failures;
    private readonly Counter<long> recovered;
    private readonly Histogram<double> duration;
    private readonly Histogram<double> queueWait;
    private readonly Histogram<double> containerStart;

    public RunMetrics(IMeterFactory factory, RunSlots slots, RowLag lag, ILocalSiloDetails silo)
    {
        meter = factory.Create(MeterName);
        started = meter.CreateCounter<long>("skriptoteket.runs.started", description: "Runs accepted (queued or given a slot), by kind");
        finished = meter.CreateCounter<long>("skriptoteket.runs.finished", description: "Runs that reached a final state, by kind and status");
        failures = meter.CreateCounter<long>("skriptoteket.runs.failures", description: "Runs that did not succeed");
        recovered = meter.CreateCounter<long>("skriptoteket.runs.recovered",
            description: "Runs a silo left unfinished in an earlier life, finalized as interrupted at its start");
        duration = meter.CreateHistogram<double>("skriptoteket.runs.duration", unit: "ms", description: "Container time per run");
        queueWait = meter.CreateHistogram<double>("skriptoteket.runs.queue_wait", unit: "ms", description: "Time a run waited for a slot");
        containerStart = meter.CreateHistogram<double>("skriptoteket.runs.container_start", unit: "ms",
            description: "From container create to started (the engine's share of a run's latency); 0 for a warm pool container");
        var where = new KeyValuePair<string, object?>("silo", silo.Name);
        meter.CreateObservableGauge("skriptoteket.runs.queue_length", () => new Measurement<int>(slots.ClusterQueued, where),
            description: "Runs waiting in the cluster's queue, as this runner silo saw them last (refreshed every second)");
        meter.CreateObservableGauge("skriptoteket.runs.running", () => new Measurement<int>(slots.Running, where),
            description: "Slots in use on this silo");
        meter.CreateObservableGauge("skriptoteket.runs.slots", () => new Measurement<int>(slots.Capacity, where),
            description: "Slots on this silo (Execution:MaxConcurrentRuns)");
        meter.CreateObservableGauge("skriptoteket.runs.row_writes_pending", () => new Measurement<int>(lag.CountOf("run"), where),
            description: "Run records not yet written to the runs table (PostgreSQL unreachable)");
    }

    public void Started(RunKind kind) => started.Add(1, new KeyValuePair<string, object?>("kind", RunText.Kind(kind)));

    public void Recovered(int runs) => recovered.Add(runs);

    public void Waited(TimeSpan wait) => queueWait.Record(wait.TotalMilliseconds);

    public void ContainerStarted(long milliseconds) => containerStart.Record(milliseconds);

    public void Record(RunKind kind, RunStatus status, long milliseconds)
    {
        var tags = new KeyValuePair<string, object?>[] { new("kind", RunText.Kind(kind)), new("status", RunText.Status(status)) };
        finished.Add(1, tags);
        duration.Record(milliseconds, tags);
        if (status != RunStatus.Succeeded)
        {
            failures.Add(1, tags);
        }
    }

    public void Dispose() => meter.Dispose();
}
