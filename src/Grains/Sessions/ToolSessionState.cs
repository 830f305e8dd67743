using Skriptoteket.Grains.Abstractions.Sessions;

namespace Skriptoteket.Grains.Sessions;

/// <summary>
/// A tool session's Orleans state, the truth of the session (its tool_sessions row follows, ADR 0008). Empty
/// (<see cref="RunIds"/> empty) when no session is open. <see cref="LatestRunId"/> is the run whose offer a step
/// answers, or, while <see cref="StepRunning"/>, the step's own run. <see cref="OpenedAt"/> (the newest opening
/// run's start) outlives the session, so an older run's late or replayed offer never reopens an ended session.
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.ToolSessionState")]
public sealed record ToolSessionState
{
    [Id(0)] public Guid ToolId { get; init; }
    [Id(1)] public Guid VersionId { get; init; }
    [Id(2)] public IReadOnlyList<Guid> RunIds { get; init; } = [];
    [Id(3)] public Guid? LatestRunId { get; init; }
    [Id(4)] public bool StepRunning { get; init; }
    [Id(5)] public IReadOnlyList<NextStep> NextSteps { get; init; } = [];
    [Id(6)] public string StateJson { get; init; } = "{}";
    [Id(7)] public int? StepsTotal { get; init; }
    [Id(8)] public IReadOnlyList<SessionFile> Files { get; init; } = [];
    [Id(9)] public DateTimeOffset OpenedAt { get; init; }
    [Id(10)] public DateTimeOffset ExpiresAt { get; init; }

    public static ToolSessionState None { get; } = new();

    public bool IsOpen => RunIds.Count > 0;

    public ToolSessionInfo Info(string key, SessionKind kind) => IsOpen
        ? new ToolSessionInfo(key, kind, ToolId, VersionId, RunIds, LatestRunId, StepRunning, NextSteps, Files, ExpiresAt)
        {
            StepsTotal = StepsTotal,
        }
        : ToolSessionInfo.Empty(key, kind);

    /// <summary>The session's files with <paramref name="added"/>: a later file of the same name replaces the earlier one.</summary>
    public IReadOnlyList<SessionFile> FilesWith(IReadOnlyList<SessionFile> added)
    {
        var one = OnePerName(added);
        return [.. Files.Where(f => one.All(a => a.Name != f.Name)), .. one];
    }

    /// <summary>
    /// One file per name, as the step's container gets them (session/NAME; the runner refuses a name twice): a file
    /// the script kept wins over an upload of the same name.
    /// </summary>
    public static IReadOnlyList<SessionFile> OnePerName(IReadOnlyList<SessionFile> files) =>
        [.. files.GroupBy(f => f.Name).Select(g => g.LastOrDefault(f => f.KeptByScript) ?? g.Last())];
}
