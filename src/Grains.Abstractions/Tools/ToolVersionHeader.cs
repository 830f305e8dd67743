using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Grains.Abstractions.Tools;

/// <summary>
/// Everything about a script version except its source. IsHead: a draft nobody has saved over yet.
/// Inputs: the fields and files it declares; null for a version from before declarations (<see cref="ToolInputs.Legacy"/>).
/// ReviewNote: the author's note at submit. ChangesRequested: the reviewer's note when changes were requested on
/// this version (shown to the author as "Begärda ändringar: …"); it never replaces the author's change summary.
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.ToolVersionHeader")]
public sealed record ToolVersionHeader(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid ToolId,
    [property: Id(2)] int Number,
    [property: Id(3)] VersionState State,
    [property: Id(4)] Guid? DerivedFrom,
    [property: Id(5)] string Entrypoint,
    [property: Id(6)] string ContentSha256,
    [property: Id(7)] string ChangeSummary,
    [property: Id(8)] string? ReviewNote,
    [property: Id(9)] Guid CreatedBy,
    [property: Id(10)] DateTimeOffset CreatedAt,
    [property: Id(11)] Guid? ReviewedBy,
    [property: Id(12)] DateTimeOffset? ReviewedAt,
    [property: Id(13)] Guid? PublishedBy,
    [property: Id(14)] DateTimeOffset? PublishedAt,
    [property: Id(15)] bool IsHead,
    [property: Id(16)] ToolInputs? Inputs = null,
    [property: Id(17)] string? ChangesRequested = null)
{
    /// <summary>The declaration that applies: the version's own, or the run contract v1 one.</summary>
    public ToolInputs Declared => Inputs ?? ToolInputs.Legacy;
}
