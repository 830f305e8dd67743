using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Abstractions.Suggestions;

/// <summary>One suggestion (key: suggestion id): submitted once by a contributor, decided once by an admin.</summary>
[Alias("Skriptoteket.ISuggestionGrain")]
public interface ISuggestionGrain : IGrainWithGuidKey
{
    /// <summary>Submits the suggestion (contributor+).</summary>
    [Alias("Submit")]
    Task<SuggestionInfo> SubmitAsync(ActingUser actor, SuggestionDraft draft);

    /// <summary>The suggestion for its submitter or an admin; NOT_FOUND for anyone else.</summary>
    [Alias("Get")]
    Task<SuggestionInfo> GetAsync(ActingUser actor);

    /// <summary>Admin+: accept, modify-then-accept (creates a draft tool) or deny; only once.</summary>
    [Alias("Decide")]
    Task<SuggestionInfo> DecideAsync(ActingUser actor, SuggestionDecision decision);
}
