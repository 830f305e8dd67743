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
    /// then one audit row. A failed projection deactivates the grain so that the next activation repairs it.
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
            await state.WriteOrRestoreAsync(next, "Verktyget ändrades samtidigt av någon annan. Ladda om och försök igen.");
        }
        catch
        {
            // Memory now holds what storage holds; the row's slug follows it.
            await ReleaseSlugAsync(claimsSlug);
            throw;
        }
        try
        {
            await projection.WriteAsync(ToolId, next, next.Versions.Where(v => !unchanged.Contains(v)));
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
        next.PendingSources.Clear();
        await audit.AppendAsync(new AuditEntry(actor.UserId, action, "tool", ToolId.ToString(), details));
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
        var lists = await taxonomy.ReadAsync();
        var valid = ToolMetadataRules.Validate(
            metadata,
            lists.Professions.Select(p => p.Slug).ToHashSet(),
            lists.Categories.Select(c => c.Slug).ToHashSet());
        if (await slugs.IsTakenAsync(valid.Slug, ToolId))
        {
            throw DomainException.Conflict(ToolSlugs.TakenMessage);
        }
        return valid;
    }
}
