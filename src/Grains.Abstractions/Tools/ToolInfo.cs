namespace Skriptoteket.Grains.Abstractions.Tools;

/// <summary>A tool as the acting user may see it; Versions holds only the versions that user may see.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.ToolInfo")]
public sealed record ToolInfo(
    [property: Id(0)] Guid Id,
    [property: Id(1)] ToolMetadata Metadata,
    [property: Id(2)] bool IsPublished,
    [property: Id(3)] bool SlugLocked,
    [property: Id(4)] Guid? ActiveVersionId,
    [property: Id(5)] int? ActiveVersionNumber,
    [property: Id(6)] Guid? SuggestionId,
    [property: Id(7)] Guid CreatedBy,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] IReadOnlyList<ToolVersionHeader> Versions,
    [property: Id(10)] IReadOnlyList<Guid> Maintainers,
    [property: Id(11)] bool MayWorkOnTool)
{
    // Maintainers: the tool's named maintainers (issue 22). MayWorkOnTool: the acting user may work on every
    // version of this tool (an admin, or one of its maintainers); the studio mirrors it, the grain decides again.
}
