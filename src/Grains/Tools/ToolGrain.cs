using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Audit;
using Skriptoteket.Grains.Catalog;
using Skriptoteket.Grains.Persistence;

namespace Skriptoteket.Grains.Tools;

/// <summary>
/// The single writer of one tool. Non-reentrant: every transition is one turn, so one active version and
/// gap-free numbers hold by construction. Metadata and catalog flag here; versions in ToolGrain.Versions.cs and
/// ToolGrain.Review.cs; the write path (slug claim, state, projection, audit) in ToolGrain.Commit.cs.
/// </summary>
internal sealed partial class ToolGrain(
    [PersistentState("tool", StorageNames.Store)] IPersistentState<ToolState> state,
    ToolProjection projection,
    ToolSlugs slugs,
    TaxonomyReader taxonomy,
    IAuditLog audit,
    IOptions<ToolsOptions> options,
    TimeProvider time,
    RowLag lag,
    ILogger<ToolGrain> logger) : Grain, IToolGrain
{
    private RowKeeper<ToolState>? rows;

    private Guid ToolId => this.GetPrimaryKey();

    private RowKeeper<ToolState> Rows => rows ??=
        new(this, state, lag, $"tool/{ToolId}", WriteAllRowsAsync, s => s.Healed(), ConflictMessage, logger);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Repair: rows lost after a state write (crash, database hiccup) are redone from the state (ADR 0008).
        if (state.State.Exists)
        {
            await Rows.RepairOnActivationAsync();
        }
    }

    public async Task<ToolInfo> CreateAsync(ActingUser actor, ToolMetadata metadata, Guid? suggestionId)
    {
        if (!ToolPermissions.CanManage(actor))
        {
            throw DomainException.Forbidden();
        }
        if (state.State.Exists)
        {
            // Accepting a suggestion creates its tool under the suggestion's id; a retried accept finds it here.
            return suggestionId is not null && state.State.SuggestionId == suggestionId
                ? ToInfo(actor, state.State)
                : throw DomainException.Conflict("Verktyget finns redan.", "Tool.Exists");
        }
        var valid = await ValidateAsync(metadata);
        var now = time.GetUtcNow();
        var next = new ToolState
        {
            Exists = true,
            Metadata = valid,
            SuggestionId = suggestionId,
            CreatedBy = actor.UserId,
            CreatedAt = now,
        };
        await CommitAsync(next, actor, "tool.created", new() { ["slug"] = valid.Slug, ["suggestion_id"] = suggestionId });
        return ToInfo(actor, next);
    }

    public Task<ToolInfo> GetAsync(ActingUser actor)
    {
        EnsureVisible(actor);
        return Task.FromResult(ToInfo(actor, state.State));
    }

    public async Task<ToolInfo> UpdateMetadataAsync(ActingUser actor, ToolMetadata metadata)
    {
        EnsureVisible(actor);
        EnsureManager(actor);
        if (state.State.SlugLocked && metadata?.Slug?.Trim() != state.State.Metadata.Slug)
        {
            throw DomainException.Invalid("Sökvägsnamnet kan inte ändras efter att verktyget har publicerats.", "Tool.SlugFixed");
        }
        var valid = await ValidateAsync(metadata);
        var next = state.State.Clone();
        next.Metadata = valid;
        await CommitAsync(next, actor, "tool.metadata_updated", new() { ["slug"] = valid.Slug });
        return ToInfo(actor, next);
    }

    public async Task<ToolInfo> PublishAsync(ActingUser actor)
    {
        EnsureVisible(actor);
        EnsureManager(actor);
        VersionTransitions.EnsureCanPublishTool(state.State.ActiveVersionId);
        var next = state.State.Clone();
        next.IsPublished = true;
        next.SlugLocked = true;
        await CommitAsync(next, actor, "tool.published", new() { ["active_version_id"] = next.ActiveVersionId });
        return ToInfo(actor, next);
    }

    public async Task<ToolInfo> DepublishAsync(ActingUser actor)
    {
        EnsureVisible(actor);
        EnsureManager(actor);
        var next = state.State.Clone();
        next.IsPublished = false;
        await CommitAsync(next, actor, "tool.depublished", []);
        return ToInfo(actor, next);
    }

    private void EnsureVisible(ActingUser actor)
    {
        var s = state.State;
        if (!s.Exists || !ToolPermissions.CanSeeTool(actor, s.IsPublished && s.ActiveVersionId is not null))
        {
            throw DomainException.NotFound("Verktyget");
        }
    }

    private static void EnsureManager(ActingUser actor)
    {
        if (!ToolPermissions.CanManage(actor))
        {
            throw DomainException.Forbidden();
        }
    }

    private ToolInfo ToInfo(ActingUser actor, ToolState s) => new(
        ToolId,
        s.Metadata,
        s.IsPublished,
        s.SlugLocked,
        s.ActiveVersionId,
        s.ActiveVersionId is { } active ? s.Find(active)?.Number : null,
        s.SuggestionId,
        s.CreatedBy,
        s.CreatedAt,
        s.Versions.Where(v => ToolPermissions.CanSeeVersion(actor, v, s.MaintainerIds())).OrderByDescending(v => v.Number).ToList(),
        s.MaintainerIds(),
        ToolPermissions.CanWorkOnTool(actor, s.MaintainerIds()));
}
