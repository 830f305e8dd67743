namespace Skriptoteket.Grains.Abstractions.Sessions;

/// <summary>
/// A session as its owner sees it. <see cref="RunIds"/>: the opening run and every step's run, in order.
/// <see cref="LatestRunId"/> is the run whose offer (<see cref="NextSteps"/>) a step must answer; while
/// <see cref="StepRunning"/> it is the step's run, not yet finished. An ended or never opened session has no
/// runs and no steps.
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.ToolSessionInfo")]
public sealed record ToolSessionInfo(
    [property: Id(0)] string Key,
    [property: Id(1)] SessionKind Kind,
    [property: Id(2)] Guid? ToolId,
    [property: Id(3)] Guid? VersionId,
    [property: Id(4)] IReadOnlyList<Guid> RunIds,
    [property: Id(5)] Guid? LatestRunId,
    [property: Id(6)] bool StepRunning,
    [property: Id(7)] IReadOnlyList<NextStep> NextSteps,
    [property: Id(8)] IReadOnlyList<SessionFile> Files,
    [property: Id(9)] DateTimeOffset? ExpiresAt)
{
    public bool IsOpen => RunIds.Count > 0;

    /// <summary>Steps taken after the opening run.</summary>
    public int StepsTaken => Math.Max(0, RunIds.Count - 1);

    /// <summary>How many steps the script said the session has ("Steg 2 av 3"), when it said so.</summary>
    [Id(10)]
    public int? StepsTotal { get; init; }

    public static ToolSessionInfo Empty(string key, SessionKind kind) => new(key, kind, null, null, [], null, false, [], [], null);
}

/// <summary>A file kept for a session's later steps: uploaded by the teacher or kept by the script.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.SessionFile")]
public sealed record SessionFile(
    [property: Id(0)] string Name,
    [property: Id(1)] long Bytes,
    [property: Id(2)] Guid FromRunId,
    [property: Id(3)] bool KeptByScript);
