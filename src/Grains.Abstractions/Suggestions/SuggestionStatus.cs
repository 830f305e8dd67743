namespace Skriptoteket.Grains.Abstractions.Suggestions;

/// <summary>Pending until an admin decides once: accepted (also after modification) or denied.</summary>
public enum SuggestionStatus
{
    Pending = 0,
    Accepted = 1,
    Denied = 2,
}
