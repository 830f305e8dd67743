using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Runs;

/// <summary>The supervisor's report of a finished run, artifacts already stored on disk.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.RunCompletion")]
public sealed record RunCompletion(
    [property: Id(0)] RunStatus Status,
    [property: Id(1)] string? ErrorSummary,
    [property: Id(2)] string Html,
    [property: Id(3)] string Stdout,
    [property: Id(4)] string Stderr,
    [property: Id(5)] bool OutputTruncated,
    [property: Id(6)] IReadOnlyList<RunArtifact> Artifacts,
    [property: Id(7)] IReadOnlyList<SkippedArtifact> SkippedArtifacts,
    [property: Id(8)] bool OomKilled,
    [property: Id(9)] long ScriptMilliseconds,
    [property: Id(10)] long ContainerMilliseconds,
    [property: Id(11)] string? InternalError)
{
    public static RunCompletion Without(RunStatus status, string message, string? internalError = null) =>
        new(status, message, "", "", "", false, [], [], false, 0, 0, internalError);
}
