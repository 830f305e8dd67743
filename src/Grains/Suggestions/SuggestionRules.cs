using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Suggestions;
using Skriptoteket.Grains.Abstractions.Validation;

namespace Skriptoteket.Grains.Suggestions;

/// <summary>Who may submit, see and decide suggestions, and what a valid suggestion and decision are (pure).</summary>
public static class SuggestionRules
{
    public static bool CanSubmit(ActingUser actor) => actor.IsAtLeast(Role.Contributor);

    public static bool CanSee(ActingUser actor, Guid submittedBy) =>
        actor.IsAtLeast(Role.Admin) || (actor.IsAtLeast(Role.Contributor) && actor.UserId == submittedBy);

    public static bool CanDecide(ActingUser actor) => actor.IsAtLeast(Role.Admin);

    /// <summary>Title and description required; professions and categories from the allowlists.</summary>
    public static SuggestionDraft Validate(SuggestionDraft draft, ISet<string> professions, ISet<string> categories)
    {
        if (draft is null)
        {
            throw DomainException.Invalid("Förslagets uppgifter saknas.", "Suggestion.Missing");
        }
        var title = TextRules.Required(draft.Title, "Titeln", TextLimits.Title);
        var description = TextRules.Required(draft.Description, "Beskrivningen", TextLimits.SuggestionDescription);
        var p = TextRules.List(draft.Professions!, "Yrkesrollerna", TextLimits.TaxonomyChoices, TextLimits.Slug).Distinct().ToList();
        var c = TextRules.List(draft.Categories!, "Kategorierna", TextLimits.TaxonomyChoices, TextLimits.Slug).Distinct().ToList();
        if (p.Count == 0 || p.Any(x => !professions.Contains(x)))
        {
            throw DomainException.Invalid("Välj minst en yrkesroll från listan.", "Taxonomy.Profession");
        }
        if (c.Count == 0 || c.Any(x => !categories.Contains(x)))
        {
            throw DomainException.Invalid("Välj minst en kategori från listan.", "Taxonomy.Category");
        }
        return new SuggestionDraft(title, description, p, c);
    }

    /// <summary>A suggestion is decided once, always with a rationale; modify needs the edited fields.</summary>
    /// <summary>
    /// A suggestion is decided once, always with a defined kind and a rationale; modify needs the edited fields.
    /// Returns the trimmed rationale.
    /// </summary>
    public static string EnsureCanDecide(SuggestionStatus status, SuggestionDecision decision)
    {
        if (decision is null || !Enum.IsDefined(decision.Kind))
        {
            throw DomainException.Invalid("Välj ett beslut: accept, modify eller deny.", "Suggestion.DecisionUnknown");
        }
        if (status != SuggestionStatus.Pending)
        {
            throw DomainException.Conflict("Förslaget är redan avgjort.", "Suggestion.Decided");
        }
        if (string.IsNullOrWhiteSpace(decision.Rationale))
        {
            throw DomainException.Invalid("Ange en motivering för beslutet.", "Suggestion.Rationale");
        }
        var rationale = TextRules.Required(decision.Rationale, "Motiveringen", TextLimits.Rationale);
        if (decision.Kind == SuggestionDecisionKind.Modify && decision.Modified is null)
        {
            throw DomainException.Invalid("Ange de ändrade uppgifterna.", "Suggestion.Modified");
        }
        return rationale;
    }

    public static string DecisionName(SuggestionDecisionKind kind) => kind switch
    {
        SuggestionDecisionKind.Accept => "accept",
        SuggestionDecisionKind.Modify => "modify",
        SuggestionDecisionKind.Deny => "deny",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
