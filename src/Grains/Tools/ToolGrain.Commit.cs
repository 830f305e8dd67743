using Microsoft.Extensions.Logging;
using Npgsql;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Audit;
using Skriptoteket.Grains.Persistence;

namespace Skriptoteket.Grains.Tools;

/// <summary>The write path shared by every transition: validate, claim the slug, write state, project, audit.</summary>
internal sealed partial class ToolGrain
{
    /// <summary>
    /// Writes the state (restoring memory if that fails), then the query rows of every header that changed,
    /// then one audit row (ADR 0008). Rows that refuse the data undo the state write, so the transition fails
    /// cleanly; rows that fail for a transient reason are retried until they land while the grain answers.
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
        try
        {
            await state.WriteOrRestoreAsync(next, ConflictMessage);
        }
        catch
        {
            // Memory now holds what storage holds; the row's slug follows it.
            await ReleaseSlugAsync(claimsSlug);
            throw;
        }
        var entry = new AuditEntry(actor.UserId, action, "tool", ToolId.ToString(), details);
        bool landed;
        try
        {
            // The audit row rides in the rows' batch: one round trip and one commit fewer per transition.
            landed = await Rows.WriteAsync(() => projection.WriteAsync(ToolId, next, next.Versions.Where(v => !unchanged.Contains(v)), entry));
        }
        catch
        {
            await UndoAsync(before, claimsSlug);
            throw;
        }
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

    /// <summary>The rows refused the new state: storage and memory go back to the state before the transition.</summary>
    private async Task UndoAsync(ToolState before, bool claimedSlug)
    {
        try
        {
            await state.WriteOrRestoreAsync(before, ConflictMessage);
            await ReleaseSlugAsync(claimedSlug);
        }
        catch (Exception ex)
        {
            // Storage still holds the new state: the next activation repairs (and if need be heals) its rows.
            logger.LogError(ex, "Tool {ToolId}: undoing a refused transition failed", ToolId);
            DeactivateOnIdle();
        }
    }

    /// <summary>
    /// Rewrites every row from the state. State saved before the text rules existed may hold text PostgreSQL
    /// refuses (NUL): it is healed once (such characters become U+FFFD, the state is saved) and written again.
    /// </summary>
    private async Task RepairRowsAsync()
    {
        try
        {
            await projection.WriteAsync(ToolId, state.State, state.State.Versions);
        }
        catch (PostgresException ex) when (ToolSlugs.IsSlugTaken(ex))
        {
            // Only a state saved before slugs were claimed first can get here. The grain must still answer
            // (its state is the truth); the stale row is logged for an admin to rename one of the tools.
            logger.LogError(ex, "Tool {ToolId}: slug {Slug} is held by another tool; query row left stale",
                ToolId, state.State.Metadata.Slug);
        }
        catch (Exception ex) when (!RowWrites.IsTransient(ex) && state.State.Healed() is { } healed)
        {
            logger.LogWarning(ex, "Tool {ToolId}: state held text the rows refuse; healing it", ToolId);
            await state.WriteOrRestoreAsync(healed, ConflictMessage);
            await projection.WriteAsync(ToolId, healed, healed.Versions);
        }
        state.State.PendingSources.Clear();
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
        var typedSlug = metadata?.Slug?.Trim();
        var taken = typedSlug is { Length: > 0 } && ToolMetadataRules.IsValidSlug(typedSlug)
            ? slugs.IsTakenAsync(typedSlug, ToolId)
            : Task.FromResult(false);
        var lists = await taxonomy.ReadAsync();
        var valid = ToolMetadataRules.Validate(
            metadata!,
            lists.Professions.Select(p => p.Slug).ToHashSet(),
            lists.Categories.Select(c => c.Slug).ToHashSet());
        if (valid.Slug == typedSlug ? await taken : await slugs.IsTakenAsync(valid.Slug, ToolId))
        {
            throw DomainException.Conflict(ToolSlugs.TakenMessage);
        }
        return valid;
    }
}
