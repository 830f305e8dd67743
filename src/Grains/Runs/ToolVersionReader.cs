using Npgsql;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Grains.Runs;

/// <summary>Reads the script to run from the tools/tool_versions projection (the tool grain is their only writer).</summary>
internal sealed class ToolVersionReader(NpgsqlDataSource db)
{
    private const string Columns = "v.tool_id, v.id, v.source, v.entrypoint, v.created_by, v.inputs::text, "
        + "COALESCE((SELECT array_agg(m.user_id) FROM tool_maintainers m WHERE m.tool_id = v.tool_id), '{}')";

    public Task<ToolVersionToRun?> FindVersionAsync(Guid versionId) =>
        ReadOneAsync($"SELECT {Columns} FROM tool_versions v WHERE v.id = @p", versionId);

    /// <summary>The active version of a published tool, or null when the tool is unknown, unpublished or has none.</summary>
    public Task<ToolVersionToRun?> FindPublishedAsync(string slug) =>
        ReadOneAsync($"""
            SELECT {Columns} FROM tools t JOIN tool_versions v ON v.id = t.active_version_id
            WHERE t.slug = @p AND t.is_published AND v.state = 'active'
            """, slug);

    /// <summary>
    /// The version a run request runs: sandbox kinds the version they name, if the requester may sandbox-run it;
    /// production the published tool's active version. Anything else answers "not found".
    /// </summary>
    public async Task<ToolVersionToRun> ForRequestAsync(RunRequest request)
    {
        if (request.Kind.RunsAsSandbox())
        {
            var version = request.VersionId is { } id ? await FindVersionAsync(id) : null;
            return version is not null && RunAccessPolicy.MaySandboxRun(request.RequestedBy, version.CreatedBy, version.Maintainers)
                ? version
                : throw DomainException.NotFound("Versionen");
        }
        return (request.ToolSlug is { Length: > 0 } slug ? await FindPublishedAsync(slug) : null)
               ?? throw DomainException.NotFound("Verktyget");
    }

    /// <summary>True when <paramref name="versionId"/> is the active version of the published tool <paramref name="toolId"/>.</summary>
    public async Task<bool> IsPublishedActiveAsync(Guid toolId, Guid versionId)
    {
        await using var command = db.CreateCommand(
            "SELECT EXISTS (SELECT 1 FROM tools t WHERE t.id = @t AND t.active_version_id = @v AND t.is_published)");
        command.Parameters.AddWithValue("t", toolId);
        command.Parameters.AddWithValue("v", versionId);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The slug of a published tool (a session's next step runs its active version then), or null.</summary>
    public async Task<string?> FindSlugAsync(Guid toolId)
    {
        await using var command = db.CreateCommand("SELECT slug FROM tools WHERE id = @p AND is_published");
        command.Parameters.AddWithValue("p", toolId);
        return await command.ExecuteScalarAsync() as string;
    }

    private async Task<ToolVersionToRun?> ReadOneAsync(string sql, object parameter)
    {
        await using var command = db.CreateCommand(sql);
        command.Parameters.AddWithValue("p", parameter);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new ToolVersionToRun(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetGuid(4),
                ToolInputsJson.ReadStored(reader.IsDBNull(5) ? null : reader.GetString(5)), reader.GetFieldValue<Guid[]>(6))
            : null;
    }
}
