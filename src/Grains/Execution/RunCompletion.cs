using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Execution;

/// <summary>
/// How a run ended: its final state, its <see cref="RunOutput"/> (as read from the result tar, artifacts already
/// on disk) and what only operators see (OOM, timings, internal error). Reported by the supervisor to the grain.
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.RunCompletion")]
public sealed record RunCompletion(
    [property: Id(0)] RunStatus Status,
    [property: Id(1)] RunOutput Output,
    [property: Id(2)] bool OomKilled,
    [property: Id(3)] long ScriptMilliseconds,
    [property: Id(4)] long ContainerMilliseconds,
    [property: Id(5)] string? InternalError)
{
    public static RunCompletion Without(RunStatus status, string message, string? internalError = null) =>
        new(status, RunOutput.Message(message), false, 0, 0, internalError);
}
