using Skriptoteket.Grains.Catalog;
using Microsoft.Extensions.Logging;
using Npgsql;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Audit;
using Skriptoteket.Grains.Persistence;

namespace Skriptoteket.Grains.Tools;

/// <summary>The write path shared by every transition: validate, claim the slug, commit state and rows with the audit.</summary>
internal sealed partial class ToolGrain
{
    /// <summary>
    /// Claims a new slug, then commits through the one state-and-rows path (ADR 0008, <see cref="RowKeeper{TState}"/>):
    /// the rows of every header that changed and one audit row in one batch. A refused transition releases the slug.
    /// </summary>
    private async Task CommitAsync(ToolState next, ActingUser actor, string action, Dictionary<string, object?> details)
    {
        var before = state.State;
        var unchanged = before.Versions.ToHashSet(ReferenceEqualityComparer.Instance);
        next.UpdatedAt = time.GetUtcNow();
        var claimsSlug = !before.Exists || before.Metadata.Slug != next.Metadata.Slug;
        if (claimsSlug)
        {
            await slugs.ClaimAsync(ToolId, next);
        }
        var entry = new AuditEntry(actor.UserId, action, "tool", ToolId.ToString(), details);
        // The audit row rides in the rows' batch: one round trip and one commit fewer per transition.
        var landed = await Rows.CommitAsync(next,
            rows: () => projection.WriteAsync(ToolId, next, next.Versions.Where(v => !unchanged.Contains(v)), entry,
                before.Exists ? before : null),
            afterUndo: () => ReleaseSlugAsync(claimsSlug));
        if (landed)
        {
            next.PendingSources.Clear();
        }
        else
        {
            // The rows are behind (retried by repair, which writes no audit): the entry goes on its own, as ever.
            await audit.AppendAsync(entry);
        }
    }

    private const string ConflictMessage = "Verktyget ändrades samtidigt av någon annan. Ladda om och försök igen.";

    /// <summary>Rewrites every row from a state (the repair; healing is the keeper's).</summary>
    private async Task WriteAllRowsAsync(ToolState from)
    {
        try
        {
            await projection.WriteAsync(ToolId, from, from.Versions);
        }
        catch (PostgresException ex) when (ToolSlugs.IsSlugTaken(ex))
        {
            // Only a state saved before slugs were claimed first can get here. The grain must still answer
            // (its state is the truth); the stale row is logged for an admin to rename one of the tools.
            logger.LogError(ex, "Tool {ToolId}: slug {Slug} is held by another tool; query row left stale",
                ToolId, from.Metadata.Slug);
        }
        from.PendingSources.Clear();
    }

    private async Task ReleaseSlugAsync(bool claimed)
    {
        if (claimed)
        {
            await slugs.ReleaseAsync(ToolId, state.State);
        }
    }

    private async Task<ToolMetadata> ValidateAsync(ToolMetadata metadata)
    {
        // The allowlists and the slug check side by side (the slug is only trimmed by validation): one round
        // trip's wait instead of two on every transition.
        // The tool's own slug is claimed by it (CommitAsync claims before a change lands): no check needed.
        var typedSlug = metadata?.Slug?.Trim();
        var own = state.State.Exists ? state.State.Metadata.Slug : null;
        var taken = typedSlug is { Length: > 0 } && typedSlug != own && ToolMetadataRules.IsValidSlug(typedSlug)
            ? slugs.IsTakenAsync(typedSlug, ToolId)
            : Task.FromResult(false);
        var lists = await taxonomy.ReadAsync();
        var valid = ToolMetadataRules.Validate(
            metadata!,
            lists.Professions.Select(p => p.Slug).ToHashSet(),
            lists.Categories.Select(c => c.Slug).ToHashSet());
        if (valid.Slug != own && (valid.Slug == typedSlug ? await taken : await slugs.IsTakenAsync(valid.Slug, ToolId)))
        {
            throw DomainException.Conflict(ToolSlugs.TakenMessage, "Tool.SlugTaken");
        }
        return valid;
    }
}
