using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Abstractions.Tools;

/// <summary>
/// One tool (key: tool id) and the single writer of its metadata, catalog flag and version history.
/// Every method takes the acting user and enforces the permission matrix itself.
/// </summary>
[Alias("Skriptoteket.IToolGrain")]
public interface IToolGrain : IGrainWithGuidKey
{
    /// <summary>Creates the tool (admin+): a draft tool, not published, without versions.</summary>
    [Alias("Create")]
    Task<ToolInfo> CreateAsync(ActingUser actor, ToolMetadata metadata, Guid? suggestionId);

    /// <summary>The tool as the acting user may see it; NOT_FOUND when they may not.</summary>
    [Alias("Get")]
    Task<ToolInfo> GetAsync(ActingUser actor);

    /// <summary>Changes title, summary, usage, professions, categories, and the slug until first published (admin+).</summary>
    [Alias("UpdateMetadata")]
    Task<ToolInfo> UpdateMetadataAsync(ActingUser actor, ToolMetadata metadata);

    /// <summary>Creates a draft from the starter script, or derived from a version the actor may see.</summary>
    [Alias("CreateDraft")]
    Task<ToolVersionHeader> CreateDraftAsync(ActingUser actor, Guid? derivedFrom);

    /// <summary>
    /// Creates a draft that holds the given script and declaration from the start, so that a tool brought in whole
    /// (the example tools' loader) has no starter draft left behind; checked like a save.
    /// </summary>
    [Alias("CreateDraftWith")]
    Task<ToolVersionHeader> CreateDraftWithAsync(ActingUser actor, DraftContent content);

    /// <summary>Opens a version with its source.</summary>
    [Alias("GetVersion")]
    Task<ToolVersion> GetVersionAsync(ActingUser actor, Guid versionId);

    /// <summary>Appends a new draft after the base draft; CONFLICT when the base is no longer the head.</summary>
    [Alias("Save")]
    Task<ToolVersionHeader> SaveAsync(ActingUser actor, SaveVersionCommand command);

    /// <summary>Freezes a head draft for review (draft → in_review), with an optional note.</summary>
    [Alias("SubmitForReview")]
    Task<ToolVersionHeader> SubmitForReviewAsync(ActingUser actor, Guid versionId, string? reviewNote);

    /// <summary>Admin+: in_review → archived, and a new draft derived from it for the author.</summary>
    [Alias("RequestChanges")]
    Task<ToolVersionHeader> RequestChangesAsync(ActingUser actor, Guid versionId, string? reviewNote);

    /// <summary>
    /// Admin+: a new active copy of an in_review version; the old active and the reviewed record are archived.
    /// When an example check of the version changed, failed or is still pending, <paramref name="examplesNote"/>
    /// is required (VALIDATION otherwise) and recorded in the audit log with the statuses.
    /// </summary>
    [Alias("PublishVersion")]
    Task<ToolVersionHeader> PublishVersionAsync(ActingUser actor, Guid versionId, string? examplesNote = null);

    /// <summary>Superuser: a new active record derived from a formerly active, now archived version.</summary>
    [Alias("Rollback")]
    Task<ToolVersionHeader> RollbackAsync(ActingUser actor, Guid versionId);

    /// <summary>Admin+: shows the tool in the catalog; requires an active version.</summary>
    [Alias("Publish")]
    Task<ToolInfo> PublishAsync(ActingUser actor);

    /// <summary>Admin+: hides the tool from the catalog; deletes nothing.</summary>
    [Alias("Depublish")]
    Task<ToolInfo> DepublishAsync(ActingUser actor);

    /// <summary>The active version with source: for its author and admins only (SPEC §1); else NOT_FOUND.</summary>
    [Alias("GetActiveVersion")]
    Task<ToolVersion> GetActiveVersionAsync(ActingUser actor);

    /// <summary>
    /// Admin+: names an active contributor (or above) maintainer of this tool (issue 22); already one: unchanged.
    /// VALIDATION for a plain user or a deactivated account, NOT_FOUND for an unknown one.
    /// </summary>
    [Alias("AddMaintainer")]
    Task<ToolInfo> AddMaintainerAsync(ActingUser actor, Guid userId);

    /// <summary>Admin+: the person is no longer a maintainer of this tool, from the next call on; not one: unchanged.</summary>
    [Alias("RemoveMaintainer")]
    Task<ToolInfo> RemoveMaintainerAsync(ActingUser actor, Guid userId);
}
