using Skriptoteket.Grains.Execution;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Runs;

/// <summary>
/// The runs table: the source of truth of every run record (docs/adr/0007-run-record-source-of-truth.md).
/// Written only by the run's grain, read by it on activation and by the lists.
/// </summary>
public sealed class RunStore(NpgsqlDataSource db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The unique index of (requester, start key): one run per intent (0672_run_start_keys_and_values.sql).</summary>
    internal const string StartKeyIndex = "runs_start_key_unique";

    /// <summary>
    /// Inserts or updates the run's row; a finished row never changes again (a late or repeated write of an
    /// older state cannot undo the outcome). The diagnostics of <paramref name="completion"/> are for operators.
    /// </summary>
    internal async Task UpsertAsync(RunInfo run, RunCompletion? completion)
    {
        await using var c = db.CreateCommand("""
            INSERT INTO runs (id, kind, status, tool_id, version_id, requested_by, queue_position, stdout, stderr, html,
                output_truncated, html_truncated, stdout_truncated, stderr_truncated, error_summary, internal_error,
                artifacts, skipped_artifacts, inputs, oom_killed, script_ms, container_ms, silo, created_at, started_at,
                finished_at, blocks, blocks_truncated, error_detail, start_key, field_values, example_id,
                session_state, kept_files, steps_total, session_key, step_name)
            VALUES (@id, @kind, @status, @tool, @version, @by, @pos, @stdout, @stderr, @html, @trunc, @html_trunc,
                @stdout_trunc, @stderr_trunc, @summary, @internal, @artifacts, @skipped, @inputs, @oom, @script_ms,
                @container_ms, @silo, @created, @started, @finished, @blocks, @blocks_trunc, @detail, @start_key,
                @field_values::jsonb, @example, @state, @kept, @steps_total, @session_key, @step_name)
            ON CONFLICT (id) DO UPDATE SET status = excluded.status, queue_position = excluded.queue_position,
                stdout = excluded.stdout, stderr = excluded.stderr, html = excluded.html,
                output_truncated = excluded.output_truncated, html_truncated = excluded.html_truncated,
                stdout_truncated = excluded.stdout_truncated, stderr_truncated = excluded.stderr_truncated,
                error_summary = excluded.error_summary, internal_error = excluded.internal_error,
                artifacts = excluded.artifacts, skipped_artifacts = excluded.skipped_artifacts,
                oom_killed = excluded.oom_killed, script_ms = excluded.script_ms, container_ms = excluded.container_ms,
                silo = excluded.silo, started_at = excluded.started_at, finished_at = excluded.finished_at,
                blocks = excluded.blocks, blocks_truncated = excluded.blocks_truncated,
                error_detail = excluded.error_detail, session_state = excluded.session_state,
                kept_files = excluded.kept_files, steps_total = excluded.steps_total, session_key = excluded.session_key
            WHERE runs.finished_at IS NULL
            """);
        var o = run.Output;
        var p = c.Parameters;
        p.AddWithValue("id", run.RunId);
        p.AddWithValue("kind", RunText.Kind(run.Kind));
        p.AddWithValue("status", RunText.Status(run.Status));
        p.AddWithValue("tool", run.ToolId);
        p.AddWithValue("version", run.VersionId);
        p.AddWithValue("by", run.RequestedBy);
        p.AddWithValue("pos", (object?)run.QueuePosition ?? DBNull.Value);
        p.AddWithValue("stdout", o.Stdout);
        p.AddWithValue("stderr", o.Stderr);
        p.AddWithValue("html", o.Html);
        p.AddWithValue("trunc", o.Truncated);
        p.AddWithValue("html_trunc", o.HtmlTruncated);
        p.AddWithValue("stdout_trunc", o.StdoutTruncated);
        p.AddWithValue("stderr_trunc", o.StderrTruncated);
        p.AddWithValue("summary", (object?)o.ErrorSummary ?? DBNull.Value);
        p.AddWithValue("internal", (object?)completion?.InternalError ?? DBNull.Value);
        p.AddWithValue("artifacts", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(o.Artifacts, Json));
        p.AddWithValue("skipped", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(o.SkippedArtifacts, Json));
        p.AddWithValue("inputs", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(run.Inputs, Json));
        p.AddWithValue("oom", completion?.OomKilled ?? false);
        p.AddWithValue("script_ms", (object?)completion?.ScriptMilliseconds ?? DBNull.Value);
        p.AddWithValue("container_ms", (object?)completion?.ContainerMilliseconds ?? DBNull.Value);
        p.AddWithValue("silo", (object?)run.Silo ?? DBNull.Value);
        p.AddWithValue("created", run.CreatedAt);
        p.AddWithValue("started", (object?)run.StartedAt ?? DBNull.Value);
        p.AddWithValue("finished", (object?)run.FinishedAt ?? DBNull.Value);
        p.AddWithValue("blocks", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(o.Blocks, Json));
        p.AddWithValue("blocks_trunc", o.BlocksTruncated);
        p.AddWithValue("detail", (object?)o.ErrorDetail ?? DBNull.Value);
        p.AddWithValue("state", NpgsqlDbType.Text, (object?)o.SessionStateJson ?? DBNull.Value);
        p.AddWithValue("kept", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(o.KeptFiles, Json));
        p.AddWithValue("steps_total", NpgsqlDbType.Integer, (object?)o.StepsTotal ?? DBNull.Value);
        // The session the run belongs to (an opening run learns it when it finishes offering steps) and the step it
        // took (docs/adr/0016-tool-sessions.md).
        p.AddWithValue("session_key", NpgsqlDbType.Text, (object?)run.SessionKey ?? DBNull.Value);
        p.AddWithValue("step_name", NpgsqlDbType.Text, (object?)run.StepName ?? DBNull.Value);
        // Written with the first row only (the update above leaves them): what the run was started with.
        p.AddWithValue("start_key", NpgsqlDbType.Varchar, (object?)run.StartKey ?? DBNull.Value);
        p.AddWithValue("field_values", NpgsqlDbType.Text, (object?)run.FieldValuesJson ?? DBNull.Value);
        p.AddWithValue("example", NpgsqlDbType.Uuid, (object?)run.ExampleId ?? DBNull.Value);
        await c.ExecuteNonQueryAsync();
    }

    /// <summary>Removes the row of a run that was refused after it was written (the cluster's queue was full).</summary>
    internal async Task DeleteUnfinishedAsync(Guid runId)
    {
        await using var c = db.CreateCommand("DELETE FROM runs WHERE id = @id AND finished_at IS NULL");
        c.Parameters.AddWithValue("id", runId);
        await c.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Keeps the unsaved editor text a sandbox run ran. Written before the run's row (a row never points at a
    /// missing snapshot); a snapshot whose row never came is harmless and read by nobody.
    /// </summary>
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
    /// Newest first; <paramref name="requestedBy"/> null lists everyone's runs (admin view), else that user's
    /// runs without example checks (they belong to the example's check). Lists leave out html, stdout and
    /// stderr (empty): up to 500 rows of full output is too much to load for a table.
    /// </summary>
    public async Task<IReadOnlyList<RunInfo>> ListAsync(Guid? requestedBy, int limit)
    {
        await using var c = db.CreateCommand($"""
            SELECT {ListColumns} {From}
            WHERE (@by::uuid IS NULL OR (requested_by = @by AND kind <> 'example_check'))
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
        artifacts::text, inputs::text, created_at, started_at, finished_at, silo, html_truncated, stdout_truncated,
        stderr_truncated, skipped_artifacts::text, snap.source, snap.entrypoint, blocks::text, blocks_truncated,
        error_detail, start_key, field_values::text, example_id, session_state, kept_files::text, steps_total, session_key,
        step_name
        """;

    private const string From = "FROM runs LEFT JOIN run_snapshots snap ON snap.run_id = runs.id";

    private static readonly string ListColumns = Columns
        .Replace("html, stdout, stderr,", "''::text, ''::text, ''::text,", StringComparison.Ordinal)
        .Replace("snap.source,", "NULL::text,", StringComparison.Ordinal)
        .Replace("blocks::text,", "'[]'::text,", StringComparison.Ordinal)
        .Replace("session_state,", "NULL::text,", StringComparison.Ordinal);

    private static async Task<List<RunInfo>> ReadAsync(NpgsqlCommand c)
    {
        var list = new List<RunInfo>();
        await using var r = await c.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            var output = new RunOutput(
                r.GetString(7), r.GetBoolean(17), r.GetString(8), r.GetBoolean(18), r.GetString(9), r.GetBoolean(19),
                r.IsDBNull(10) ? null : r.GetString(10),
                JsonSerializer.Deserialize<List<RunArtifact>>(r.GetString(11), Json) ?? [],
                JsonSerializer.Deserialize<List<SkippedArtifact>>(r.GetString(20), Json) ?? [])
            {
                Blocks = JsonSerializer.Deserialize<List<OutputBlock>>(r.GetString(23), Json) ?? [],
                BlocksTruncated = r.GetBoolean(24),
                ErrorDetail = r.IsDBNull(25) ? null : r.GetString(25),
                SessionStateJson = r.IsDBNull(29) ? null : r.GetString(29),
                KeptFiles = JsonSerializer.Deserialize<List<string>>(r.GetString(30), Json) ?? [],
                StepsTotal = r.IsDBNull(31) ? null : r.GetInt32(31),
            };
            list.Add(new RunInfo(
                r.GetGuid(0), RunText.ParseKind(r.GetString(1)), RunText.ParseStatus(r.GetString(2)), r.GetGuid(3),
                r.GetGuid(4), r.GetGuid(5), r.IsDBNull(6) ? null : r.GetInt32(6), output,
                JsonSerializer.Deserialize<List<RunInputInfo>>(r.GetString(12), Json) ?? [],
                r.GetFieldValue<DateTimeOffset>(13), r.IsDBNull(14) ? null : r.GetFieldValue<DateTimeOffset>(14),
                r.IsDBNull(15) ? null : r.GetFieldValue<DateTimeOffset>(15), r.IsDBNull(16) ? null : r.GetString(16))
            {
                FromEditor = !r.IsDBNull(22),
                SnapshotSource = r.IsDBNull(21) ? null : r.GetString(21),
                SnapshotEntrypoint = r.IsDBNull(22) ? null : r.GetString(22),
                StartKey = r.IsDBNull(26) ? null : r.GetString(26),
                FieldValuesJson = r.IsDBNull(27) ? null : r.GetString(27),
                ExampleId = r.IsDBNull(28) ? null : r.GetGuid(28),
                SessionKey = r.IsDBNull(32) ? null : r.GetString(32),
                StepName = r.IsDBNull(33) ? null : r.GetString(33),
            });
        }
        return list;
    }
}
