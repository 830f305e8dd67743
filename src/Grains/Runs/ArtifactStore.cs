using Npgsql;
using NpgsqlTypes;
using Skriptoteket.Grains.Abstractions.Runs;
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

    /// <summary>Sandbox inputs are kept apart from artifacts, for a shorter time (Execution:SandboxInputRetentionHours).</summary>
    internal Task SaveSandboxInputsAsync(Guid runId, IReadOnlyList<RunInputFile> inputs) =>
        SaveAsync(runId, SandboxInputKind, [.. inputs.Select(i => (i.FileName, i.Content))]);

    /// <summary>Writes the files the run's manifest (<see cref="RunOutput.Artifacts"/>) lists, under their checked names.</summary>
    internal Task SaveAsync(Guid runId, IReadOnlyList<RunnerArtifact> files) =>
        SaveAsync(runId, ArtifactKind, [.. files.Select(f => (f.Name, f.Content))]);

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
