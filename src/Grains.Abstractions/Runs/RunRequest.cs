using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>What to run: a tool version resolved and checked by the caller's entry point, with its inputs.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.RunRequest")]
public sealed record RunRequest(
    [property: Id(0)] RunKind Kind,
    [property: Id(1)] Guid ToolId,
    [property: Id(2)] Guid VersionId,
    [property: Id(3)] ActingUser RequestedBy,
    [property: Id(4)] IReadOnlyList<RunInputFile> Inputs);
