namespace Skriptoteket.Grains.Abstractions.Suggestions;

/// <summary>
/// An admin's decision; Modified carries the edited fields when Kind is Modify. MakeSubmitterMaintainer (accept
/// and modify): the person who suggested the tool becomes its first maintainer (issue 22).
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.SuggestionDecision")]
public sealed record SuggestionDecision(
    [property: Id(0)] SuggestionDecisionKind Kind,
    [property: Id(1)] string Rationale,
    [property: Id(2)] SuggestionDraft? Modified,
    [property: Id(3)] bool MakeSubmitterMaintainer = false);
