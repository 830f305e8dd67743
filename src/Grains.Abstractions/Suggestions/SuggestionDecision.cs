namespace Skriptoteket.Grains.Abstractions.Suggestions;

/// <summary>An admin's decision; Modified carries the edited fields when Kind is Modify.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.SuggestionDecision")]
public sealed record SuggestionDecision(
    [property: Id(0)] SuggestionDecisionKind Kind,
    [property: Id(1)] string Rationale,
    [property: Id(2)] SuggestionDraft? Modified);
