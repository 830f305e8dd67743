namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>Told of every state change of a run it subscribed to.</summary>
[Alias("Skriptoteket.IRunObserver")]
public interface IRunObserver : IGrainObserver
{
    /// <summary>The run changed state (or its queue position moved).</summary>
    [Alias("RunChanged")]
    Task RunChangedAsync(RunInfo run);
}
