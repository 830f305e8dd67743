using Npgsql;
using NpgsqlTypes;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Sessions;
using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Grains.Runs;

/// <summary>
/// Artifacts and sandbox inputs in PostgreSQL (table run_files, docs/adr/0011-artifact-storage.md): any
/// silo reads what any runner silo wrote, so a download works from every node. Names are already checked
/// as safe by the runner's manifest and the upload policy.
/// </summary>
public sealed class ArtifactStore(NpgsqlDataSource db)
{
    internal const string ArtifactKind = "artifact";
    internal const string SandboxInputKind = "sandbox_input";

    /// <summary>An opening run's uploads, kept for its session's later steps (docs/adr/0016-tool-sessions.md).</summary>
    internal const string SessionUploadKind = "session_upload";

    /// <summary>A copy of an artifact the script kept (<c>st.keep</c>) for its session's later steps.</summary>
    internal const string SessionKeptKind = "session_kept";

    /// <summary>Sandbox inputs are kept apart from artifacts, for a shorter time (Execution:SandboxInputRetentionHours).</summary>
    internal Task SaveSandboxInputsAsync(Guid runId, IReadOnlyList<RunInputFile> inputs) =>
        SaveAsync(runId, SandboxInputKind, [.. inputs.Select(i => (i.FileName, i.Content))]);

    /// <summary>Writes the files the run's manifest (<see cref="RunOutput.Artifacts"/>) lists, under their checked names.</summary>
    internal Task SaveAsync(Guid runId, IReadOnlyList<RunnerArtifact> files) =>
        SaveAsync(runId, ArtifactKind, [.. files.Select(f => (f.Name, f.Content))]);

    /// <summary>Keeps an opening run's uploads for its session's later steps (production inputs are otherwise never stored).</summary>
    internal Task SaveSessionUploadsAsync(Guid runId, IReadOnlyList<RunInputFile> inputs) =>
        SaveAsync(runId, SessionUploadKind, [.. inputs.Select(i => (i.FileName, i.Content))]);

    /// <summary>
    /// Copies the artifacts a script kept into session files of the same run, in the database: the session decides
    /// when they go, the artifact itself stays downloadable for its own retention.
    /// </summary>
    internal async Task KeepForSessionAsync(Guid runId, IReadOnlyList<string> artifactNames)
    {
        if (artifactNames.Count == 0)
        {
            return;
        }
        await using var c = db.CreateCommand("""
            INSERT INTO run_files (run_id, kind, name, size_bytes, content)
            SELECT run_id, @kept, name, size_bytes, content FROM run_files
            WHERE run_id = @run AND kind = @artifact AND name = ANY(@names)
            ON CONFLICT (run_id, kind, name) DO NOTHING
            """);
        c.Parameters.AddWithValue("run", runId);
        c.Parameters.AddWithValue("kept", SessionKeptKind);
        c.Parameters.AddWithValue("artifact", ArtifactKind);
        c.Parameters.AddWithValue("names", artifactNames.ToArray());
        await c.ExecuteNonQueryAsync();
    }

    /// <summary>The session files one run brought (names and sizes, uploads first).</summary>
    internal async Task<IReadOnlyList<SessionFile>> ListSessionFilesAsync(Guid runId)
    {
        await using var c = db.CreateCommand("""
            SELECT name, size_bytes, kind = @kept FROM run_files
            WHERE run_id = @run AND kind IN (@upload, @kept) ORDER BY kind DESC, name
            """);
        c.Parameters.AddWithValue("run", runId);
        c.Parameters.AddWithValue("upload", SessionUploadKind);
        c.Parameters.AddWithValue("kept", SessionKeptKind);
        var files = new List<SessionFile>();
        await using var r = await c.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            files.Add(new SessionFile(r.GetString(0), r.GetInt64(1), runId, r.GetBoolean(2)));
        }
        return files;
    }

    /// <summary>The contents of a session's files, for the next step's container; a file gone meanwhile is left out.</summary>
    internal async Task<IReadOnlyList<RunInputFile>> ReadSessionFilesAsync(IReadOnlyList<SessionFile> files)
    {
        var contents = new List<RunInputFile>();
        foreach (var file in files)
        {
            var kind = file.KeptByScript ? SessionKeptKind : SessionUploadKind;
            if (await ReadAsync(file.FromRunId, kind, file.Name) is { } content)
            {
                contents.Add(new RunInputFile(file.Name, content));
            }
        }
        return contents;
    }

    /// <summary>Deletes the session files of <paramref name="runIds"/>; returns the names removed.</summary>
    internal async Task<IReadOnlyList<string>> RemoveSessionFilesAsync(IReadOnlyList<Guid> runIds)
    {
        if (runIds.Count == 0)
        {
            return [];
        }
        await using var c = db.CreateCommand("""
            DELETE FROM run_files WHERE run_id = ANY(@runs) AND kind IN (@upload, @kept) RETURNING name
            """);
        c.Parameters.AddWithValue("runs", runIds.ToArray());
        c.Parameters.AddWithValue("upload", SessionUploadKind);
        c.Parameters.AddWithValue("kept", SessionKeptKind);
        var names = new List<string>();
        await using var r = await c.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            names.Add(r.GetString(0));
        }
        return names;
    }

    /// <summary>
    /// The safety net of session files (a session that could not delete its own): files older than
    /// <paramref name="cutoff"/> of runs no open session lists. Returns the runs they belonged to.
    /// </summary>
    internal async Task<IReadOnlyList<Guid>> RemoveOrphanSessionFilesAsync(DateTimeOffset cutoff)
    {
        await using var c = db.CreateCommand("""
            WITH gone AS (
                DELETE FROM run_files f WHERE f.kind IN (@upload, @kept) AND f.created_at < @cutoff
                AND NOT EXISTS (SELECT 1 FROM tool_sessions s WHERE f.run_id = ANY(s.run_ids))
                RETURNING run_id)
            SELECT DISTINCT run_id FROM gone
            """);
        c.Parameters.AddWithValue("upload", SessionUploadKind);
        c.Parameters.AddWithValue("kept", SessionKeptKind);
        c.Parameters.AddWithValue("cutoff", cutoff);
        var runs = new List<Guid>();
        await using var r = await c.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            runs.Add(r.GetGuid(0));
        }
        return runs;
    }

    /// <summary>Opens a stored artifact for reading; null when it is gone (retention) or was never stored.</summary>
    public async Task<Stream?> OpenAsync(Guid runId, RunArtifact artifact)
    {
        var content = await ReadAsync(runId, ArtifactKind, artifact.Name);
        return content is null ? null : new MemoryStream(content, writable: false);
    }

    /// <summary>One stored file's bytes, or null.</summary>
    public async Task<byte[]?> ReadAsync(Guid runId, string kind, string name)
    {
        await using var c = db.CreateCommand("SELECT content FROM run_files WHERE run_id = @run AND kind = @kind AND name = @name");
        c.Parameters.AddWithValue("run", runId);
        c.Parameters.AddWithValue("kind", kind);
        c.Parameters.AddWithValue("name", name);
        return await c.ExecuteScalarAsync() as byte[];
    }

    /// <summary>Deletes files of <paramref name="kind"/> stored before <paramref name="cutoff"/>; returns the runs they belonged to.</summary>
    public async Task<IReadOnlyList<Guid>> RemoveOlderThanAsync(string kind, DateTimeOffset cutoff)
    {
        await using var c = db.CreateCommand("""
            WITH gone AS (DELETE FROM run_files WHERE kind = @kind AND created_at < @cutoff RETURNING run_id)
            SELECT DISTINCT run_id FROM gone
            """);
        c.Parameters.AddWithValue("kind", kind);
        c.Parameters.AddWithValue("cutoff", cutoff);
        var removed = new List<Guid>();
        await using var reader = await c.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            removed.Add(reader.GetGuid(0));
        }
        return removed;
    }

    private async Task SaveAsync(Guid runId, string kind, IReadOnlyList<(string Name, byte[] Content)> files)
    {
        if (files.Count == 0)
        {
            return;
        }
        // One batch, one round trip, and one implicit transaction: a run's files are all there or none are (a
        // retry after a failure starts clean); no BEGIN and COMMIT of their own on the run's path.
        var batch = db.CreateBatch();
        await using (batch)
        {
            foreach (var (name, content) in files)
            {
                var command = new NpgsqlBatchCommand("""
                    INSERT INTO run_files (run_id, kind, name, size_bytes, content) VALUES (@run, @kind, @name, @size, @content)
                    ON CONFLICT (run_id, kind, name) DO UPDATE SET content = excluded.content, size_bytes = excluded.size_bytes
                    """);
                command.Parameters.AddWithValue("run", runId);
                command.Parameters.AddWithValue("kind", kind);
                command.Parameters.AddWithValue("name", name);
                command.Parameters.AddWithValue("size", content.LongLength);
                command.Parameters.Add(new NpgsqlParameter("content", NpgsqlDbType.Bytea) { Value = content });
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync();
        }
    }
}
