using Npgsql;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools.Examples;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Grains.Tools.Examples;

/// <summary>What the examples grain needs to know of its tool, read from the tool grain's query rows.</summary>
internal sealed record ToolFacts(bool IsPublished, Guid? ActiveVersionId, string Slug, ToolInputs? NewestInputs, IReadOnlyList<Guid> Maintainers);

/// <summary>
/// The examples tables (migration 0640). Only the tool examples grain writes them; it never calls the tool
/// grain (which calls it on save, submit and publish), so tool facts come from the query rows.
/// </summary>
internal sealed class ExampleStore(NpgsqlDataSource db)
{
    private const string ExampleColumns =
        """
        e.id, e.tool_id, e.name, e.field_values, e.expected_text, e.expected_version_id, e.expected_run_id,
        e.expected_by, e.expected_at, e.created_at,
        COALESCE((SELECT array_agg(f.name ORDER BY f.position) FROM tool_example_files f WHERE f.example_id = e.id), '{}'),
        COALESCE((SELECT array_agg(length(f.content)::bigint ORDER BY f.position) FROM tool_example_files f WHERE f.example_id = e.id), '{}'),
        e.steps
        """;

    public async Task<ToolFacts?> ToolAsync(Guid toolId)
    {
        await using var cmd = db.CreateCommand(
            """
            SELECT t.is_published, t.active_version_id, t.slug,
                   (SELECT v.inputs::text FROM tool_versions v WHERE v.tool_id = t.id ORDER BY v.number DESC LIMIT 1),
                   COALESCE((SELECT array_agg(m.user_id) FROM tool_maintainers m WHERE m.tool_id = t.id), '{}')
            FROM tools t WHERE t.id = @id
            """);
        cmd.Parameters.AddWithValue("id", toolId);
        await using var r = await cmd.ExecuteReaderAsync();
        return await r.ReadAsync()
            ? new ToolFacts(r.GetBoolean(0), r.IsDBNull(1) ? null : r.GetGuid(1), r.GetString(2),
                r.IsDBNull(3) ? null : ToolInputsJson.ReadStored(r.GetString(3)), r.GetFieldValue<Guid[]>(4))
            : null;
    }

    /// <summary>The declaration of a version of this tool; null when the version is not the tool's.</summary>
    public async Task<(bool Found, ToolInputs? Inputs)> VersionInputsAsync(Guid toolId, Guid versionId)
    {
        await using var cmd = db.CreateCommand("SELECT inputs::text FROM tool_versions WHERE id = @v AND tool_id = @t");
        cmd.Parameters.AddWithValue("v", versionId);
        cmd.Parameters.AddWithValue("t", toolId);
        await using var r = await cmd.ExecuteReaderAsync();
        return await r.ReadAsync() ? (true, r.IsDBNull(0) ? null : ToolInputsJson.ReadStored(r.GetString(0))) : (false, null);
    }

    public async Task<IReadOnlyList<ToolExample>> ListAsync(Guid toolId)
    {
        await using var cmd = db.CreateCommand($"SELECT {ExampleColumns} FROM tool_examples e WHERE e.tool_id = @t ORDER BY lower(e.name)");
        cmd.Parameters.AddWithValue("t", toolId);
        var list = new List<ToolExample>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            list.Add(Read(r));
        }
        return list;
    }

    public async Task<IReadOnlyList<RunInputFile>> FilesAsync(Guid exampleId)
    {
        await using var cmd = db.CreateCommand("SELECT name, content FROM tool_example_files WHERE example_id = @e ORDER BY position");
        cmd.Parameters.AddWithValue("e", exampleId);
        var files = new List<RunInputFile>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            files.Add(new RunInputFile(r.GetString(0), (byte[])r[1]));
        }
        return files;
    }

    /// <summary>Inserts the example and its files in one transaction; false when the name is taken.</summary>
    public async Task<bool> InsertAsync(Guid id, Guid toolId, string name, string? values, IReadOnlyList<ExampleStep> steps,
        IReadOnlyList<RunInputFile> files, Guid createdBy)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var batch = new NpgsqlBatch(connection, tx);
        var insert = new NpgsqlBatchCommand(
            """
            INSERT INTO tool_examples (id, tool_id, name, field_values, steps, created_by) VALUES (@id, @t, @name, @values, @steps, @by)
            ON CONFLICT DO NOTHING
            """);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("t", toolId);
        insert.Parameters.AddWithValue("name", name);
        insert.Parameters.AddWithValue("values", (object?)values ?? DBNull.Value);
        insert.Parameters.AddWithValue("steps", ExampleStepsJson.Write(steps));
        insert.Parameters.AddWithValue("by", createdBy);
        batch.BatchCommands.Add(insert);
        await batch.ExecuteNonQueryAsync();
        if (insert.RecordsAffected == 0)
        {
            return false;
        }
        var position = 0;
        foreach (var file in files)
        {
            await using var cmd = new NpgsqlCommand(
                "INSERT INTO tool_example_files (example_id, position, name, content) VALUES (@e, @p, @n, @c)", connection, tx);
            cmd.Parameters.AddWithValue("e", id);
            cmd.Parameters.AddWithValue("p", position++);
            cmd.Parameters.AddWithValue("n", file.FileName);
            cmd.Parameters.AddWithValue("c", file.Content);
            await cmd.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
        return true;
    }

    /// <summary>Renames; null when the example is not the tool's, false when the new name is taken.</summary>
    public async Task<bool?> RenameAsync(Guid toolId, Guid exampleId, string name)
    {
        await using var cmd = db.CreateCommand(
            """
            UPDATE tool_examples SET name = @name WHERE id = @e AND tool_id = @t
            AND NOT EXISTS (SELECT 1 FROM tool_examples o WHERE o.tool_id = @t AND lower(o.name) = lower(@name) AND o.id <> @e)
            RETURNING id
            """);
        cmd.Parameters.AddWithValue("e", exampleId);
        cmd.Parameters.AddWithValue("t", toolId);
        cmd.Parameters.AddWithValue("name", name);
        if (await cmd.ExecuteScalarAsync() is not null)
        {
            return true;
        }
        return await ExistsAsync(toolId, exampleId) ? false : null;
    }

    public async Task<bool> DeleteAsync(Guid toolId, Guid exampleId)
    {
        await using var cmd = db.CreateCommand("DELETE FROM tool_examples WHERE id = @e AND tool_id = @t");
        cmd.Parameters.AddWithValue("e", exampleId);
        cmd.Parameters.AddWithValue("t", toolId);
        return await cmd.ExecuteNonQueryAsync() > 0;
    }

    public async Task SetExpectedAsync(Guid exampleId, ExpectedResult expected)
    {
        await using var cmd = db.CreateCommand(
            """
            UPDATE tool_examples SET expected_text = @text, expected_version_id = @v, expected_run_id = @r,
                expected_by = @by, expected_at = @at WHERE id = @e
            """);
        cmd.Parameters.AddWithValue("e", exampleId);
        cmd.Parameters.AddWithValue("text", expected.Text);
        cmd.Parameters.AddWithValue("v", expected.FromVersionId);
        cmd.Parameters.AddWithValue("r", expected.FromRunId);
        cmd.Parameters.AddWithValue("by", expected.AcceptedBy);
        cmd.Parameters.AddWithValue("at", expected.AcceptedAt);
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<bool> ExistsAsync(Guid toolId, Guid exampleId)
    {
        await using var cmd = db.CreateCommand("SELECT 1 FROM tool_examples WHERE id = @e AND tool_id = @t");
        cmd.Parameters.AddWithValue("e", exampleId);
        cmd.Parameters.AddWithValue("t", toolId);
        return await cmd.ExecuteScalarAsync() is not null;
    }

    private static ToolExample Read(NpgsqlDataReader r)
    {
        var names = r.GetFieldValue<string[]>(10);
        var sizes = r.GetFieldValue<long[]>(11);
        ExpectedResult? expected = r.IsDBNull(4)
            ? null
            : new ExpectedResult(r.GetString(4), r.GetGuid(5), r.GetGuid(6), r.GetGuid(7), r.GetFieldValue<DateTimeOffset>(8));
        return new ToolExample(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
            [.. names.Zip(sizes, (n, s) => new ExampleFile(n, s))], expected, r.GetFieldValue<DateTimeOffset>(9))
        {
            Steps = ExampleStepsJson.Read(r.GetString(12)),
        };
    }
}
