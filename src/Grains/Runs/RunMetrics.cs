using System.Diagnostics.Metrics;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Runs;

/// <summary>Meter "Skriptoteket.Runs": runs finished, their duration, failures, and this silo's queue length.</summary>
public sealed class RunMetrics : IDisposable
{
    public const string MeterName = "Skriptoteket.Runs";
    private readonly Meter meter;
    private readonly Counter<long> finished;
    private readonly Counter<long> failures;
    private readonly Histogram<double> duration;

    public RunMetrics(IMeterFactory factory, RunSlots slots)
    {
        meter = factory.Create(MeterName);
        finished = meter.CreateCounter<long>("skriptoteket.runs.finished", description: "Runs that reached a final state");
        failures = meter.CreateCounter<long>("skriptoteket.runs.failures", description: "Runs that did not succeed");
        duration = meter.CreateHistogram<double>("skriptoteket.runs.duration", unit: "ms", description: "Container time per run");
        meter.CreateObservableGauge("skriptoteket.runs.queue_length", () => slots.Queued, description: "Runs waiting for a slot");
        meter.CreateObservableGauge("skriptoteket.runs.running", () => slots.Running, description: "Runs holding a slot");
    }

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
