using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>
/// What to run. Sandbox and example check: <see cref="VersionId"/> (any version the requester may see). Production:
/// <see cref="ToolSlug"/> (the active version of a published tool). The run grain resolves and checks both.
/// A sandbox run from the editor also carries <see cref="SnapshotSource"/>: the unsaved text that runs instead
/// of the version's source (the version still decides who may run it); the run keeps that snapshot.
/// <see cref="FieldValuesJson"/>: the values of the version's declared fields as a JSON object (name → value),
/// checked by the run grain against the declaration before anything runs. <see cref="StartKey"/>: the intent's key
/// (<see cref="RunStartKey"/>): a repeat of the same key by the same person gets the same run.
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.RunRequest")]
public sealed record RunRequest(
    [property: Id(0)] RunKind Kind,
    [property: Id(1)] Guid? VersionId,
    [property: Id(2)] string? ToolSlug,
    [property: Id(3)] ActingUser RequestedBy,
    [property: Id(4)] IReadOnlyList<RunInputFile> Inputs,
    [property: Id(5)] string? SnapshotSource = null,
    [property: Id(6)] string? SnapshotEntrypoint = null,
    [property: Id(7)] string? FieldValuesJson = null)
{
    /// <summary>The start's idempotency key, checked by <see cref="RunStartKey.Check"/>; null: every start is a new run.</summary>
    [Id(8)]
    public string? StartKey { get; init; }

    /// <summary>The worked example this run tries ("Prova med exempel"), kept with the run so a reopened run can name it.</summary>
    [Id(9)]
    public Guid? ExampleId { get; init; }

    /// <summary>Set only by the tool session grain: the run is a step of that session (docs/adr/0016-tool-sessions.md).</summary>
    [Id(10)]
    public RunSessionStep? Session { get; init; }

    /// <summary>
    /// An example check's first run whose example lists steps: the run opens the check's own session
    /// (<see cref="Sessions.ToolSessionKey.ExampleCheck"/>, keyed by this run) and keeps its uploads for the steps.
    /// </summary>
    [Id(11)]
    public bool OpensCheckSession { get; init; }

    public static RunRequest Sandbox(Guid versionId, ActingUser user, IReadOnlyList<RunInputFile> inputs, string? fieldValuesJson = null) =>
        new(RunKind.Sandbox, versionId, null, user, inputs, FieldValuesJson: fieldValuesJson);

    /// <summary>Runs the editor's current text in the sandbox, on behalf of the version it was opened on.</summary>
    public static RunRequest SandboxSnapshot(Guid versionId, ActingUser user, IReadOnlyList<RunInputFile> inputs,
        string source, string entrypoint, string? fieldValuesJson = null) =>
        new(RunKind.Sandbox, versionId, null, user, inputs, source, entrypoint, fieldValuesJson);

    /// <summary>A worked example's run against a version (its check): sandbox rules, kept out of the run lists.</summary>
    public static RunRequest ExampleCheck(Guid versionId, ActingUser user, IReadOnlyList<RunInputFile> inputs, string? fieldValuesJson = null) =>
        new(RunKind.ExampleCheck, versionId, null, user, inputs, FieldValuesJson: fieldValuesJson);

    public static RunRequest Production(string slug, ActingUser user, IReadOnlyList<RunInputFile> inputs, string? fieldValuesJson = null) =>
        new(RunKind.Production, null, slug, user, inputs, FieldValuesJson: fieldValuesJson);
}

/// <summary>
/// What a step's run gets from its session: the session key, the step taken, the state the previous run kept and
/// the files of earlier steps (read-only in the container, under <c>/work/session/</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.RunSessionStep")]
public sealed record RunSessionStep(
    [property: Id(0)] string SessionKey,
    [property: Id(1)] string StepName,
    [property: Id(2)] string StateJson,
    [property: Id(3)] IReadOnlyList<RunInputFile> Files);
