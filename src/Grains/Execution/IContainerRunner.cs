namespace Skriptoteket.Grains.Execution;

/// <summary>Runs one job in a fresh hardened container and removes the container, whatever happened.</summary>
internal interface IContainerRunner
{
    /// <summary>Runs <paramref name="job"/>; cancelling <paramref name="cancel"/> kills the container and yields a canceled outcome.</summary>
    Task<RunnerOutcome> RunAsync(RunnerJob job, string silo, CancellationToken cancel);
}
