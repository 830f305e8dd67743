using Orleans.Concurrency;

namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>Told of every state change of a run it subscribed to.</summary>
[Alias("Skriptoteket.IRunObserver")]
public interface IRunObserver : IGrainObserver
{
    /// <summary>The run changed state (or its queue position moved).</summary>
    /// <remarks>
    /// One-way: the run's grain never waits for a watcher, so one slow or vanished browser cannot hold up a run.
    /// Updates may therefore arrive out of order; watchers keep the furthest state (the web's RunProgress.Newer).
    /// </remarks>
    [Alias("RunChanged")]
    [OneWay]
    Task RunChangedAsync(RunInfo run);
}
