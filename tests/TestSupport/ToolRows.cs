using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Skriptoteket.TestSupport;

/// <summary>Inserts tools and versions directly (the tool grain writes them in production; runs only read them).</summary>
public static class ToolRows
{
    public static Task<(Guid ToolId, Guid VersionId, string Slug)> InsertAsync(
        TestDatabase db, string source, Guid createdBy, bool published) =>
        InsertAsync(db.ConnectionString, source, createdBy, published);

    public static async Task<(Guid ToolId, Guid VersionId, string Slug)> InsertAsync(
        string connectionString, string source, Guid createdBy, bool published)
    {
        var toolId = Guid.NewGuid();
        var versionId = Guid.NewGuid();
        var slug = "verktyg-" + toolId.ToString("N")[..12];
        await using var data = NpgsqlDataSource.Create(connectionString);
        await using var tx = await (await data.OpenConnectionAsync()).BeginTransactionAsync();
        await Exec("INSERT INTO tools (id, slug, title, created_by) VALUES (@t, @s, 'Testverktyg', @u)");
        await Exec("""
            INSERT INTO tool_versions (id, tool_id, number, state, source, content_sha256, created_by)
            VALUES (@v, @t, 1, @state, @src, @sha, @u)
            """);
        if (published)
        {
            await Exec("UPDATE tools SET is_published = true, active_version_id = @v WHERE id = @t");
        }
        await tx.CommitAsync();
        await tx.Connection!.DisposeAsync();
        return (toolId, versionId, slug);

        async Task Exec(string sql)
        {
            await using var c = new NpgsqlCommand(sql, tx.Connection, tx);
            c.Parameters.AddWithValue("t", toolId);
            c.Parameters.AddWithValue("v", versionId);
            c.Parameters.AddWithValue("s", slug);
            c.Parameters.AddWithValue("u", createdBy);
            c.Parameters.AddWithValue("state", published ? "active" : "draft");
            c.Parameters.AddWithValue("src", source);
            c.Parameters.AddWithValue("sha", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source))));
            await c.ExecuteNonQueryAsync();
        }
    }
}
