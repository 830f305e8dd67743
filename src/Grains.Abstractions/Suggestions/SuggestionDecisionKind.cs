namespace Skriptoteket.Grains.Abstractions.Suggestions;

/// <summary>The three decisions of SPEC §4.</summary>
public enum SuggestionDecisionKind
{
    Accept = 0,
    Modify = 1,
    Deny = 2,
}
