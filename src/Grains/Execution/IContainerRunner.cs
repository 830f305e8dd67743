namespace Skriptoteket.Grains.Execution;

/// <summary>Runs one job in a fresh hardened container and removes the container, whatever happened.</summary>
internal interface IContainerRunner
{
    /// <summary>Runs <paramref name="job"/>; cancelling <paramref name="cancel"/> kills the container and yields a canceled outcome.</summary>
    Task<RunnerOutcome> RunAsync(RunnerJob job, string silo, CancellationToken cancel);

    /// <summary>
    /// The same run, but the outcome comes back as soon as the result is read: the container's removal goes on in
    /// <see cref="RunnerOutcome.Removal"/>, so the caller can report the outcome beside it (docs/performance.md).
    /// The caller must await <see cref="RunnerOutcome.Removal"/> before it counts the run's slot as free.
    /// </summary>
    Task<RunnerOutcome> RunBeforeRemovalAsync(RunnerJob job, string silo, CancellationToken cancel);
}
