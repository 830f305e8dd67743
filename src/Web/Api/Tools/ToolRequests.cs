namespace Skriptoteket.Web.Api.Tools;

/// <summary>POST tools/{id}/versions: a new draft, from the starter script or derived from a version.</summary>
public sealed record CreateDraftRequest(Guid? DerivedFrom);

/// <summary>POST tool-versions/{id}: save; BaseVersionId is the version the editor was opened on.</summary>
public sealed record SaveVersionRequest(Guid BaseVersionId, string? Source, string? Entrypoint, string? ChangeSummary);

/// <summary>Body of submit-review and request-changes.</summary>
public sealed record ReviewNoteRequest(string? ReviewNote);

/// <summary>POST tools/{id}/rollback.</summary>
public sealed record RollbackRequest(Guid VersionId);
