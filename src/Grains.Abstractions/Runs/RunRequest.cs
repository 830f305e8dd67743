using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>
/// What to run. Sandbox: <see cref="VersionId"/> (any version the requester may see). Production:
/// <see cref="ToolSlug"/> (the active version of a published tool). The run grain resolves and checks both.
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.RunRequest")]
public sealed record RunRequest(
    [property: Id(0)] RunKind Kind,
    [property: Id(1)] Guid? VersionId,
    [property: Id(2)] string? ToolSlug,
    [property: Id(3)] ActingUser RequestedBy,
    [property: Id(4)] IReadOnlyList<RunInputFile> Inputs)
{
    public static RunRequest Sandbox(Guid versionId, ActingUser user, IReadOnlyList<RunInputFile> inputs) =>
        new(RunKind.Sandbox, versionId, null, user, inputs);

    public static RunRequest Production(string slug, ActingUser user, IReadOnlyList<RunInputFile> inputs) =>
        new(RunKind.Production, null, slug, user, inputs);
}
