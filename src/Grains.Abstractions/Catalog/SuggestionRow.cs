namespace Skriptoteket.Grains.Abstractions.Catalog;

/// <summary>A suggestion in the review queue or in "My suggestions".</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.SuggestionRow")]
public sealed record SuggestionRow(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Status,
    [property: Id(3)] Guid SubmittedBy,
    [property: Id(4)] string SubmitterName,
    [property: Id(5)] DateTimeOffset SubmittedAt,
    [property: Id(6)] DateTimeOffset? DecidedAt,
    [property: Id(7)] Guid? ToolId);
