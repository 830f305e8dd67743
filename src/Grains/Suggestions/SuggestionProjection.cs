using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Skriptoteket.Grains.Abstractions.Suggestions;

namespace Skriptoteket.Grains.Suggestions;

/// <summary>Writes a suggestion grain's state into suggestions and suggestion_events (idempotent upserts).</summary>
internal sealed class SuggestionProjection(NpgsqlDataSource db)
{
    public async Task WriteAsync(Guid id, SuggestionState s)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var batch = new NpgsqlBatch(connection, tx);
        var row = new NpgsqlBatchCommand(
            """
            INSERT INTO suggestions (id, title, description, professions, categories, status, submitted_by, submitted_at,
                decided_by, decided_at, decision, rationale, tool_id)
            VALUES (@id, @title, @description, @professions, @categories, @status, @submitted_by, @submitted_at,
                @decided_by, @decided_at, @decision, @rationale, @tool_id)
            ON CONFLICT (id) DO UPDATE SET title = excluded.title, description = excluded.description,
                professions = excluded.professions, categories = excluded.categories, status = excluded.status,
                decided_by = excluded.decided_by, decided_at = excluded.decided_at, decision = excluded.decision,
                rationale = excluded.rationale, tool_id = excluded.tool_id
            """);
        row.Parameters.AddWithValue("id", id);
        row.Parameters.AddWithValue("title", s.Draft.Title);
        row.Parameters.AddWithValue("description", s.Draft.Description);
        row.Parameters.AddWithValue("professions", s.Draft.Professions.ToArray());
        row.Parameters.AddWithValue("categories", s.Draft.Categories.ToArray());
        row.Parameters.AddWithValue("status", s.Status.ToString().ToLowerInvariant());
        row.Parameters.AddWithValue("submitted_by", s.SubmittedBy);
        row.Parameters.AddWithValue("submitted_at", s.SubmittedAt);
        row.Parameters.AddWithValue("decided_by", NpgsqlDbType.Uuid, (object?)s.DecidedBy ?? DBNull.Value);
        row.Parameters.AddWithValue("decided_at", NpgsqlDbType.TimestampTz, (object?)s.DecidedAt ?? DBNull.Value);
        row.Parameters.AddWithValue("decision", NpgsqlDbType.Varchar,
            s.Decision is { } d ? SuggestionRules.DecisionName(d) : DBNull.Value);
        row.Parameters.AddWithValue("rationale", NpgsqlDbType.Text, (object?)s.Rationale ?? DBNull.Value);
        row.Parameters.AddWithValue("tool_id", NpgsqlDbType.Uuid, (object?)s.ToolId ?? DBNull.Value);
        batch.BatchCommands.Add(row);
        for (var seq = 0; seq < s.History.Count; seq++)
        {
            var e = s.History[seq];
            var ev = new NpgsqlBatchCommand(
                """
                INSERT INTO suggestion_events (suggestion_id, seq, kind, actor_id, occurred_at, rationale, details)
                VALUES (@id, @seq, @kind, @actor, @at, @rationale, @details)
                ON CONFLICT (suggestion_id, seq) DO NOTHING
                """);
            ev.Parameters.AddWithValue("id", id);
            ev.Parameters.AddWithValue("seq", seq);
            ev.Parameters.AddWithValue("kind", e.Kind);
            ev.Parameters.AddWithValue("actor", e.ActorId);
            ev.Parameters.AddWithValue("at", e.At);
            ev.Parameters.AddWithValue("rationale", NpgsqlDbType.Text, (object?)e.Rationale ?? DBNull.Value);
            ev.Parameters.Add(new NpgsqlParameter("details", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(new { }) });
            batch.BatchCommands.Add(ev);
        }
        await batch.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }

    /// <summary>The first free slug of "base", "base-2", "base-3", ... among tools.</summary>
    public async Task<string> FreeSlugAsync(string baseSlug)
    {
        await using var cmd = db.CreateCommand("SELECT slug FROM tools WHERE slug = @s OR slug LIKE @prefix");
        cmd.Parameters.AddWithValue("s", baseSlug);
        cmd.Parameters.AddWithValue("prefix", baseSlug + "-%");
        var taken = new HashSet<string>();
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                taken.Add(reader.GetString(0));
            }
        }
        var slug = baseSlug;
        for (var n = 2; taken.Contains(slug); n++)
        {
            slug = $"{baseSlug}-{n}";
        }
        return slug;
    }
}
