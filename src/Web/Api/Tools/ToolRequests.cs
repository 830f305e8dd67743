using System.ComponentModel.DataAnnotations;
using Skriptoteket.Grains.Abstractions.Suggestions;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Web.Api.Tools;

/// <summary>POST tools/{id}/versions: a new draft, from the starter script or derived from a version.</summary>
public sealed record CreateDraftRequest(Guid? DerivedFrom);

/// <summary>
/// POST tool-versions/{id}: save; BaseVersionId is the version the editor was opened on. Inputs: the declared
/// fields and files (docs/tool-author-guide.md); left out, the base version's are kept.
/// </summary>
public sealed record SaveVersionRequest(Guid BaseVersionId, string Source, string? Entrypoint, string? ChangeSummary, ToolInputs? Inputs = null);

/// <summary>Body of submit-review and request-changes.</summary>
public sealed record ReviewNoteRequest(string? ReviewNote);

/// <summary>POST tools/{id}/rollback.</summary>
public sealed record RollbackRequest(Guid VersionId);

/// <summary>POST tools/{id}/maintainers: the account to name maintainer of the tool.</summary>
public sealed record AddMaintainerRequest(Guid UserId);

/// <summary>
/// POST suggestions/{id}/decision. Kind is nullable here so that a body without it is refused (VALIDATION_ERROR),
/// never read as the enum's first value (accept).
/// </summary>
public sealed record SuggestionDecisionRequest([property: Required] SuggestionDecisionKind? Kind, string Rationale, SuggestionDraft? Modified,
    bool? MakeSubmitterMaintainer = null)
{
    public SuggestionDecision ToDecision() => Kind is { } kind
        ? new SuggestionDecision(kind, Rationale, Modified, MakeSubmitterMaintainer ?? false)
        : throw Grains.Abstractions.Errors.DomainException.Invalid("Välj ett beslut: accept, modify eller deny.", "Suggestion.DecisionUnknown");
}
