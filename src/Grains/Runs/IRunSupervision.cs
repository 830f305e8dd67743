using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Grains.Runs;

/// <summary>Reports from a runner silo's supervisor (and the queue's upkeep) to the run grain (not part of the public contract).</summary>
[Alias("Skriptoteket.IRunSupervision")]
public interface IRunSupervision : IGrainWithGuidKey
{
    /// <summary>The run moved in the queue.</summary>
    [Alias("ReportQueuePosition")]
    Task ReportQueuePositionAsync(int position);

    /// <summary>Runner silo <paramref name="silo"/> claimed the run and its container is starting.</summary>
    [Alias("ReportRunning")]
    Task ReportRunningAsync(string silo);

    /// <summary>The run ended; idempotent (a second report of a finished run is ignored).</summary>
    [Alias("ReportFinished")]
    Task ReportFinishedAsync(RunCompletion completion);
}
