using Npgsql;
using Skriptoteket.Grains.Abstractions.Errors;

namespace Skriptoteket.Grains.Tools;

/// <summary>
/// Slugs are unique across tools; the tools table's unique index is the arbiter. A tool grain claims its slug
/// in the row before it writes its state, so a slug race is lost before anything is saved: the loser answers
/// CONFLICT, and no state ever holds a slug that its row could not take (which would break every repair).
/// </summary>
internal sealed class ToolSlugs(NpgsqlDataSource db)
{
    public const string TakenMessage = "Sökvägsnamnet används redan av ett annat verktyg.";

    /// <summary>True when another tool already uses the slug (early check; the claim below decides).</summary>
    public async Task<bool> IsTakenAsync(string slug, Guid toolId)
    {
        await using var cmd = db.CreateCommand("SELECT EXISTS (SELECT 1 FROM tools WHERE slug = @slug AND id <> @id)");
        cmd.Parameters.AddWithValue("slug", slug);
        cmd.Parameters.AddWithValue("id", toolId);
        return (bool)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Puts the next state's slug into the tool's row (creating a bare, unpublished row for a new tool);
    /// CONFLICT when another tool holds it. The projection fills in the rest after the state write.
    /// </summary>
    public async Task ClaimAsync(Guid toolId, ToolState next)
    {
        await using var cmd = db.CreateCommand(
            """
            INSERT INTO tools (id, slug, title, summary, usage_md, is_published, active_version_id, suggestion_id,
                               created_by, created_at, updated_at)
            VALUES (@id, @slug, @title, @summary, @usage, FALSE, NULL, @suggestion, @created_by, @created_at, @updated_at)
            ON CONFLICT (id) DO UPDATE SET slug = excluded.slug
            """);
        cmd.Parameters.AddWithValue("id", toolId);
        cmd.Parameters.AddWithValue("slug", next.Metadata.Slug);
        cmd.Parameters.AddWithValue("title", next.Metadata.Title);
        cmd.Parameters.AddWithValue("summary", next.Metadata.Summary);
        cmd.Parameters.AddWithValue("usage", next.Metadata.UsageMarkdown);
        cmd.Parameters.AddWithValue("suggestion", (object?)next.SuggestionId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("created_by", next.CreatedBy);
        cmd.Parameters.AddWithValue("created_at", next.CreatedAt);
        cmd.Parameters.AddWithValue("updated_at", next.UpdatedAt);
        try
        {
            await cmd.ExecuteNonQueryAsync();
        }
        catch (PostgresException ex) when (IsSlugTaken(ex))
        {
            throw DomainException.Conflict(TakenMessage, "Tool.SlugTaken");
        }
    }

    /// <summary>
    /// Gives a claimed slug back after the state write failed: the row returns to the slug of the state the
    /// grain kept, or goes away when the tool was never created.
    /// </summary>
    public async Task ReleaseAsync(Guid toolId, ToolState kept)
    {
        await using var cmd = db.CreateCommand(kept.Exists
            ? "UPDATE tools SET slug = @slug WHERE id = @id"
            : "DELETE FROM tools WHERE id = @id");
        cmd.Parameters.AddWithValue("id", toolId);
        if (kept.Exists)
        {
            cmd.Parameters.AddWithValue("slug", kept.Metadata.Slug);
        }
        await cmd.ExecuteNonQueryAsync();
    }

    public static bool IsSlugTaken(PostgresException ex) =>
        ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == "tools_slug_unique";
}
