using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Runs;

/// <summary>The runs table: upserted by the run grain after each state change, read by lists and on activation.</summary>
public sealed class RunStore(NpgsqlDataSource db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal async Task UpsertAsync(RunInfo run, RunCompletion? completion)
    {
        await using var c = db.CreateCommand("""
            INSERT INTO runs (id, kind, status, tool_id, version_id, requested_by, queue_position, stdout, stderr, html,
                output_truncated, error_summary, internal_error, artifacts, skipped_artifacts, inputs, oom_killed,
                script_ms, container_ms, silo, created_at, started_at, finished_at)
            VALUES (@id, @kind, @status, @tool, @version, @by, @pos, @stdout, @stderr, @html, @trunc, @summary, @internal,
                @artifacts, @skipped, @inputs, @oom, @script_ms, @container_ms, @silo, @created, @started, @finished)
            ON CONFLICT (id) DO UPDATE SET status = excluded.status, queue_position = excluded.queue_position,
                stdout = excluded.stdout, stderr = excluded.stderr, html = excluded.html,
                output_truncated = excluded.output_truncated, error_summary = excluded.error_summary,
                internal_error = excluded.internal_error, artifacts = excluded.artifacts,
                skipped_artifacts = excluded.skipped_artifacts, oom_killed = excluded.oom_killed,
                script_ms = excluded.script_ms, container_ms = excluded.container_ms, silo = excluded.silo,
                started_at = excluded.started_at, finished_at = excluded.finished_at
            """);
        var p = c.Parameters;
        p.AddWithValue("id", run.RunId);
        p.AddWithValue("kind", RunText.Kind(run.Kind));
        p.AddWithValue("status", RunText.Status(run.Status));
        p.AddWithValue("tool", run.ToolId);
        p.AddWithValue("version", run.VersionId);
        p.AddWithValue("by", run.RequestedBy);
        p.AddWithValue("pos", (object?)run.QueuePosition ?? DBNull.Value);
        p.AddWithValue("stdout", run.Stdout);
        p.AddWithValue("stderr", run.Stderr);
        p.AddWithValue("html", run.Html);
        p.AddWithValue("trunc", run.OutputTruncated);
        p.AddWithValue("summary", (object?)run.ErrorSummary ?? DBNull.Value);
        p.AddWithValue("internal", (object?)completion?.InternalError ?? DBNull.Value);
        p.AddWithValue("artifacts", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(run.Artifacts, Json));
        p.AddWithValue("skipped", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(run.SkippedArtifacts, Json));
        p.AddWithValue("inputs", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(run.Inputs, Json));
        p.AddWithValue("oom", completion?.OomKilled ?? false);
        p.AddWithValue("script_ms", (object?)completion?.ScriptMilliseconds ?? DBNull.Value);
        p.AddWithValue("container_ms", (object?)completion?.ContainerMilliseconds ?? DBNull.Value);
        p.AddWithValue("silo", (object?)run.Silo ?? DBNull.Value);
        p.AddWithValue("created", run.CreatedAt);
        p.AddWithValue("started", (object?)run.StartedAt ?? DBNull.Value);
        p.AddWithValue("finished", (object?)run.FinishedAt ?? DBNull.Value);
        await c.ExecuteNonQueryAsync();
    }

    /// <summary>Keeps the unsaved editor text a sandbox run ran (after the run's row exists).</summary>
    internal async Task SaveSnapshotAsync(Guid runId, string source, string entrypoint)
    {
        await using var c = db.CreateCommand("""
            INSERT INTO run_snapshots (run_id, source, entrypoint) VALUES (@id, @source, @entrypoint)
            ON CONFLICT (run_id) DO NOTHING
            """);
        c.Parameters.AddWithValue("id", runId);
        c.Parameters.AddWithValue("source", source);
        c.Parameters.AddWithValue("entrypoint", entrypoint);
        await c.ExecuteNonQueryAsync();
    }

    public async Task<RunInfo?> GetAsync(Guid runId)
    {
        await using var c = db.CreateCommand($"SELECT {Columns} {From} WHERE id = @id");
        c.Parameters.AddWithValue("id", runId);
        var list = await ReadAsync(c);
        return list.Count == 1 ? list[0] : null;
    }

    /// <summary>
    /// Newest first; <paramref name="requestedBy"/> null lists everyone's runs (admin view). Lists leave out
    /// html, stdout and stderr (empty): up to 500 rows of full output is too much to load for a table.
    /// </summary>
    public async Task<IReadOnlyList<RunInfo>> ListAsync(Guid? requestedBy, int limit)
    {
        await using var c = db.CreateCommand($"""
            SELECT {ListColumns} {From} WHERE (@by::uuid IS NULL OR requested_by = @by)
            ORDER BY created_at DESC LIMIT @limit
            """);
        c.Parameters.AddWithValue("by", NpgsqlDbType.Uuid, (object?)requestedBy ?? DBNull.Value);
        c.Parameters.AddWithValue("limit", limit);
        return await ReadAsync(c);
    }

    /// <summary>Sandbox runs of one tool, newest first; <paramref name="requestedBy"/> null: everyone's (admins).</summary>
    public async Task<IReadOnlyList<RunInfo>> ListSandboxAsync(Guid toolId, Guid? requestedBy, int limit)
    {
        await using var c = db.CreateCommand($"""
            SELECT {ListColumns} {From}
            WHERE tool_id = @tool AND kind = 'sandbox' AND (@by::uuid IS NULL OR requested_by = @by)
            ORDER BY created_at DESC LIMIT @limit
            """);
        c.Parameters.AddWithValue("tool", toolId);
        c.Parameters.AddWithValue("by", NpgsqlDbType.Uuid, (object?)requestedBy ?? DBNull.Value);
        c.Parameters.AddWithValue("limit", limit);
        return await ReadAsync(c);
    }

    /// <summary>Ids of runs a silo left unfinished (its process ended while they were queued or running).</summary>
    public async Task<IReadOnlyList<Guid>> FindUnfinishedAsync(string silo)
    {
        await using var c = db.CreateCommand("SELECT id FROM runs WHERE silo = @silo AND status IN ('queued', 'running')");
        c.Parameters.AddWithValue("silo", silo);
        var ids = new List<Guid>();
        await using var r = await c.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            ids.Add(r.GetGuid(0));
        }
        return ids;
    }

    private const string Columns = """
        id, kind, status, tool_id, version_id, requested_by, queue_position, html, stdout, stderr, error_summary,
        artifacts::text, inputs::text, created_at, started_at, finished_at, silo, output_truncated, skipped_artifacts::text,
        snap.source, snap.entrypoint
        """;

    private const string From = "FROM runs LEFT JOIN run_snapshots snap ON snap.run_id = runs.id";

    private static readonly string ListColumns = Columns
        .Replace("html, stdout, stderr,", "''::text, ''::text, ''::text,", StringComparison.Ordinal)
        .Replace("snap.source,", "NULL::text,", StringComparison.Ordinal);

    private static async Task<List<RunInfo>> ReadAsync(NpgsqlCommand c)
    {
        var list = new List<RunInfo>();
        await using var r = await c.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            list.Add(new RunInfo(
                r.GetGuid(0), RunText.ParseKind(r.GetString(1)), RunText.ParseStatus(r.GetString(2)), r.GetGuid(3),
                r.GetGuid(4), r.GetGuid(5), r.IsDBNull(6) ? null : r.GetInt32(6), r.GetString(7), r.GetString(8),
                r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10),
                JsonSerializer.Deserialize<List<RunArtifact>>(r.GetString(11), Json) ?? [],
                JsonSerializer.Deserialize<List<RunInputInfo>>(r.GetString(12), Json) ?? [],
                r.GetFieldValue<DateTimeOffset>(13), r.IsDBNull(14) ? null : r.GetFieldValue<DateTimeOffset>(14),
                r.IsDBNull(15) ? null : r.GetFieldValue<DateTimeOffset>(15), r.IsDBNull(16) ? null : r.GetString(16),
                r.GetBoolean(17), JsonSerializer.Deserialize<List<SkippedArtifact>>(r.GetString(18), Json) ?? [])
            {
                FromEditor = !r.IsDBNull(20),
                SnapshotSource = r.IsDBNull(19) ? null : r.GetString(19),
                SnapshotEntrypoint = r.IsDBNull(20) ? null : r.GetString(20),
            });
        }
        return list;
    }
}
