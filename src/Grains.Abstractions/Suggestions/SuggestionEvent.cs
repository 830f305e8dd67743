namespace Skriptoteket.Grains.Abstractions.Suggestions;

/// <summary>One entry of a suggestion's history: submitted, accept, modify or deny.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.SuggestionEvent")]
public sealed record SuggestionEvent(
    [property: Id(0)] string Kind,
    [property: Id(1)] Guid ActorId,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string? Rationale);
