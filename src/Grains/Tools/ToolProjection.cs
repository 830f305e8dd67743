using Npgsql;
using NpgsqlTypes;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Grains.Audit;

namespace Skriptoteket.Grains.Tools;

/// <summary>
/// Writes a tool grain's state into the query tables (tools, tool_professions, tool_categories, tool_versions, tool_maintainers),
/// idempotently and in one (implicit) transaction. Rows leaving the active state are written before any row entering it,
/// so the one-active index never sees two.
/// </summary>
internal sealed class ToolProjection(NpgsqlDataSource db)
{
    /// <summary>
    /// Writes the tool row and the given version headers (all of them when repairing), and the transition's audit
    /// entry when given: in the same transaction, so a transition's rows and its audit row land together.
    /// </summary>
    /// <param name="before">The state the rows were written from last (a transition's): its profession, category and
    /// maintainer rows are rewritten only when they changed. Null (a repair, a new tool) rewrites them all.</param>
    public async Task WriteAsync(Guid toolId, ToolState state, IEnumerable<ToolVersionHeader> versions, AuditEntry? audit = null,
        ToolState? before = null)
    {
        // One batch is one implicit transaction and one round trip: all rows land or none do, without a BEGIN and
        // a COMMIT of their own (each was a round trip on every tool transition, docs/performance.md).
        await using var batch = db.CreateBatch();
        AddTool(batch, toolId, state);
        // Most transitions (a title, a version's review) leave these lists alone: four statements fewer then.
        if (before is null || !before.Metadata.Professions.SequenceEqual(state.Metadata.Professions)
            || !before.Metadata.Categories.SequenceEqual(state.Metadata.Categories))
        {
            AddLinks(batch, toolId, state.Metadata);
        }
        if (before is null || !before.Maintainers.SequenceEqual(state.Maintainers))
        {
            AddMaintainers(batch, toolId, state.Maintainers);
        }
        foreach (var version in versions.OrderBy(v => v.State == VersionState.Active).ThenBy(v => v.Number))
        {
            AddVersion(batch, version, state.PendingSources.GetValueOrDefault(version.Id));
        }
        if (audit is not null)
        {
            batch.BatchCommands.Add(PostgresAuditLog.Command(audit));
        }
        await batch.ExecuteNonQueryAsync();
    }

    /// <summary>Source of a stored version; null when it is not (yet) in the table.</summary>
    public async Task<string?> ReadSourceAsync(Guid versionId)
    {
        await using var cmd = db.CreateCommand("SELECT source FROM tool_versions WHERE id = @id");
        cmd.Parameters.AddWithValue("id", versionId);
        return (string?)await cmd.ExecuteScalarAsync();
    }

    private static void AddTool(NpgsqlBatch batch, Guid toolId, ToolState s)
    {
        var tool = new NpgsqlBatchCommand(
            """
            INSERT INTO tools (id, slug, title, summary, usage_md, is_published, active_version_id, suggestion_id,
                               created_by, created_at, updated_at)
            VALUES (@id, @slug, @title, @summary, @usage, @published, @active, @suggestion, @created_by, @created_at, @updated_at)
            ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, title = excluded.title, summary = excluded.summary,
                usage_md = excluded.usage_md, is_published = excluded.is_published,
                active_version_id = excluded.active_version_id, suggestion_id = excluded.suggestion_id,
                updated_at = excluded.updated_at
            """);
        tool.Parameters.AddWithValue("id", toolId);
        tool.Parameters.AddWithValue("slug", s.Metadata.Slug);
        tool.Parameters.AddWithValue("title", s.Metadata.Title);
        tool.Parameters.AddWithValue("summary", s.Metadata.Summary);
        tool.Parameters.AddWithValue("usage", s.Metadata.UsageMarkdown);
        tool.Parameters.AddWithValue("published", s.IsPublished);
        tool.Parameters.AddWithValue("active", (object?)s.ActiveVersionId ?? DBNull.Value);
        tool.Parameters.AddWithValue("suggestion", (object?)s.SuggestionId ?? DBNull.Value);
        tool.Parameters.AddWithValue("created_by", s.CreatedBy);
        tool.Parameters.AddWithValue("created_at", s.CreatedAt);
        tool.Parameters.AddWithValue("updated_at", s.UpdatedAt);
        batch.BatchCommands.Add(tool);
    }

    /// <summary>The tool's professions and categories as the metadata names them (the rows are replaced).</summary>
    private static void AddLinks(NpgsqlBatch batch, Guid toolId, ToolMetadata metadata)
    {
        var links = new NpgsqlBatchCommand(
            """
            WITH p AS (DELETE FROM tool_professions WHERE tool_id = @id),
                 c AS (DELETE FROM tool_categories WHERE tool_id = @id)
            SELECT 1
            """);
        links.Parameters.AddWithValue("id", toolId);
        batch.BatchCommands.Add(links);
        var professions = new NpgsqlBatchCommand(
            "INSERT INTO tool_professions (tool_id, profession_slug) SELECT @id, unnest(@slugs)");
        professions.Parameters.AddWithValue("id", toolId);
        professions.Parameters.AddWithValue("slugs", metadata.Professions.ToArray());
        batch.BatchCommands.Add(professions);
        var categories = new NpgsqlBatchCommand(
            "INSERT INTO tool_categories (tool_id, category_slug) SELECT @id, unnest(@slugs)");
        categories.Parameters.AddWithValue("id", toolId);
        categories.Parameters.AddWithValue("slugs", metadata.Categories.ToArray());
        batch.BatchCommands.Add(categories);
    }

    /// <summary>The tool's maintainers as the state names them: the rows are replaced, so a removal is gone at once.</summary>
    private static void AddMaintainers(NpgsqlBatch batch, Guid toolId, IReadOnlyList<ToolMaintainer> maintainers)
    {
        var users = maintainers.Select(m => m.UserId).ToArray();
        var gone = new NpgsqlBatchCommand("DELETE FROM tool_maintainers WHERE tool_id = @id AND user_id <> ALL(@users)");
        gone.Parameters.AddWithValue("id", toolId);
        gone.Parameters.AddWithValue("users", users);
        batch.BatchCommands.Add(gone);
        var cmd = new NpgsqlBatchCommand(
            """
            INSERT INTO tool_maintainers (tool_id, user_id, added_by, added_at)
            SELECT @id, m.user_id, m.added_by, m.added_at FROM unnest(@users, @by, @at) AS m(user_id, added_by, added_at)
            ON CONFLICT (tool_id, user_id) DO NOTHING
            """);
        cmd.Parameters.AddWithValue("id", toolId);
        cmd.Parameters.AddWithValue("users", users);
        cmd.Parameters.AddWithValue("by", maintainers.Select(m => m.AddedBy).ToArray());
        cmd.Parameters.AddWithValue("at", maintainers.Select(m => m.AddedAt).ToArray());
        batch.BatchCommands.Add(cmd);
    }

    private static void AddVersion(NpgsqlBatch batch, ToolVersionHeader v, string? pendingSource)
    {
        // Only state and the review/publish stamps (with a request for changes) ever change; the trigger refuses source changes.
        var sql = pendingSource is null
            ? """
              UPDATE tool_versions SET state = @state, review_note = @review_note, reviewed_by = @reviewed_by,
                  reviewed_at = @reviewed_at, published_by = @published_by, published_at = @published_at,
                  changes_requested = @changes_requested
              WHERE id = @id
              """
            : """
              INSERT INTO tool_versions (id, tool_id, number, state, source, entrypoint, content_sha256, derived_from,
                  change_summary, review_note, created_by, created_at, reviewed_by, reviewed_at, published_by, published_at, inputs,
                  changes_requested)
              VALUES (@id, @tool_id, @number, @state, @source, @entrypoint, @sha, @derived_from, @change_summary,
                  @review_note, @created_by, @created_at, @reviewed_by, @reviewed_at, @published_by, @published_at, @inputs,
                  @changes_requested)
              ON CONFLICT (id) DO UPDATE SET state = excluded.state, review_note = excluded.review_note,
                  reviewed_by = excluded.reviewed_by, reviewed_at = excluded.reviewed_at,
                  published_by = excluded.published_by, published_at = excluded.published_at,
                  changes_requested = excluded.changes_requested
              """;
        var cmd = new NpgsqlBatchCommand(sql);
        cmd.Parameters.AddWithValue("id", v.Id);
        cmd.Parameters.AddWithValue("state", StateName(v.State));
        cmd.Parameters.AddWithValue("review_note", (object?)v.ReviewNote ?? DBNull.Value);
        cmd.Parameters.AddWithValue("changes_requested", NpgsqlDbType.Text, (object?)v.ChangesRequested ?? DBNull.Value);
        cmd.Parameters.AddWithValue("reviewed_by", NpgsqlDbType.Uuid, (object?)v.ReviewedBy ?? DBNull.Value);
        cmd.Parameters.AddWithValue("reviewed_at", NpgsqlDbType.TimestampTz, (object?)v.ReviewedAt ?? DBNull.Value);
        cmd.Parameters.AddWithValue("published_by", NpgsqlDbType.Uuid, (object?)v.PublishedBy ?? DBNull.Value);
        cmd.Parameters.AddWithValue("published_at", NpgsqlDbType.TimestampTz, (object?)v.PublishedAt ?? DBNull.Value);
        if (pendingSource is not null)
        {
            cmd.Parameters.AddWithValue("tool_id", v.ToolId);
            cmd.Parameters.AddWithValue("number", v.Number);
            cmd.Parameters.AddWithValue("source", pendingSource);
            cmd.Parameters.AddWithValue("entrypoint", v.Entrypoint);
            cmd.Parameters.AddWithValue("sha", v.ContentSha256);
            cmd.Parameters.AddWithValue("derived_from", NpgsqlDbType.Uuid, (object?)v.DerivedFrom ?? DBNull.Value);
            cmd.Parameters.AddWithValue("change_summary", v.ChangeSummary);
            cmd.Parameters.AddWithValue("created_by", v.CreatedBy);
            cmd.Parameters.AddWithValue("created_at", v.CreatedAt);
            cmd.Parameters.AddWithValue("inputs", NpgsqlDbType.Jsonb, v.Inputs is { } inputs ? ToolInputsJson.Write(inputs) : DBNull.Value);
        }
        batch.BatchCommands.Add(cmd);
    }

    public static string StateName(VersionState state) => state switch
    {
        VersionState.Draft => "draft",
        VersionState.InReview => "in_review",
        VersionState.Active => "active",
        VersionState.Archived => "archived",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
