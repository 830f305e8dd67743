namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>Life of a run: queued → running → one of the final states.</summary>
public enum RunStatus
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
    TimedOut = 4,
    Canceled = 5,
    Interrupted = 6,
}
