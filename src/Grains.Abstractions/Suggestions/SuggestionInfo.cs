namespace Skriptoteket.Grains.Abstractions.Suggestions;

/// <summary>A suggestion with its decision and history; ToolId is the draft tool an accept created.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.SuggestionInfo")]
public sealed record SuggestionInfo(
    [property: Id(0)] Guid Id,
    [property: Id(1)] SuggestionDraft Draft,
    [property: Id(2)] SuggestionStatus Status,
    [property: Id(3)] Guid SubmittedBy,
    [property: Id(4)] DateTimeOffset SubmittedAt,
    [property: Id(5)] SuggestionDecisionKind? Decision,
    [property: Id(6)] string? Rationale,
    [property: Id(7)] Guid? DecidedBy,
    [property: Id(8)] DateTimeOffset? DecidedAt,
    [property: Id(9)] Guid? ToolId,
    [property: Id(10)] IReadOnlyList<SuggestionEvent> History);
