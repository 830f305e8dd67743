namespace Skriptoteket.Grains.Abstractions.Tools.Examples;

/// <summary>How one example fared against one version (docs/adr/0012-worked-examples.md).</summary>
public enum ExampleCheckStatus
{
    /// <summary>Queued or running; the studio and the review page refresh until it ends.</summary>
    Pending = 0,

    /// <summary>The output equals the example's expected result.</summary>
    Unchanged = 1,

    /// <summary>The output differs from the expected result: <see cref="ExampleCheck.Diff"/> shows how.</summary>
    Changed = 2,

    /// <summary>The run failed, timed out or could not start: <see cref="ExampleCheck.Error"/> says why.</summary>
    Failed = 3,

    /// <summary>The run went fine, but the example has no expected result to compare with.</summary>
    NoExpected = 4,
}

/// <summary>
/// One example's check against one version. Diff: the line diff of expected → actual normalized output
/// ("- " removed, "+ " added, "  " same), only for <see cref="ExampleCheckStatus.Changed"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.ExampleCheck")]
public sealed record ExampleCheck(
    [property: Id(0)] Guid ExampleId,
    [property: Id(1)] string ExampleName,
    [property: Id(2)] Guid VersionId,
    [property: Id(3)] ExampleCheckStatus Status,
    [property: Id(4)] Guid? RunId,
    [property: Id(5)] IReadOnlyList<string> Diff,
    [property: Id(6)] string? Error,
    [property: Id(7)] DateTimeOffset QueuedAt,
    [property: Id(8)] DateTimeOffset? FinishedAt)
{
    /// <summary>
    /// The check's first run; <see cref="RunId"/> is the run whose output it compares: the last step's run when the
    /// example lists steps (or the step it reached when it failed), else the same as this.
    /// </summary>
    [Id(9)]
    public Guid? FirstRunId { get; init; }

    /// <summary>Changed, failed and pending checks make publishing ask for a note (docs/adr/0012).</summary>
    public bool NeedsNote => Status is ExampleCheckStatus.Changed or ExampleCheckStatus.Failed or ExampleCheckStatus.Pending;
}
