namespace Skriptoteket.Grains.Abstractions.Suggestions;

/// <summary>What a contributor proposes (and what an admin may modify before accepting).</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.SuggestionDraft")]
public sealed record SuggestionDraft(
    [property: Id(0)] string Title,
    [property: Id(1)] string Description,
    [property: Id(2)] IReadOnlyList<string> Professions,
    [property: Id(3)] IReadOnlyList<string> Categories);
