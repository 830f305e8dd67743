using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Execution;

/// <summary>What one container run produced, after the host's own checks.</summary>
internal sealed record RunnerOutcome(
    RunStatus Status,
    string? ErrorSummary,
    string Html,
    bool HtmlTruncated,
    string Stdout,
    bool StdoutTruncated,
    string Stderr,
    bool StderrTruncated,
    IReadOnlyList<RunnerArtifact> Artifacts,
    IReadOnlyList<SkippedArtifact> SkippedArtifacts,
    bool OomKilled,
    long ScriptMilliseconds,
    long ContainerMilliseconds,
    string? InternalError);

/// <summary>One artifact file as received from the container, verified against its name pattern and sha256.</summary>
internal sealed record RunnerArtifact(string Name, byte[] Content, string Sha256);
