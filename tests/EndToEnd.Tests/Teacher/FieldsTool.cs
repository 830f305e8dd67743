using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Skriptoteket.TestSupport;

namespace Skriptoteket.EndToEnd.Tests.Teacher;

/// <summary>
/// A published tool without files whose active version declares number fields and whose result shows the values
/// the script received (st.fields as JSON), so a test sees what reached the run, not only what the form showed.
/// </summary>
internal static class FieldsTool
{
    public const string Script = """
        import json
        import skriptoteket as st

        def run_tool(input_path, output_dir):
            return "<p id='falt'>" + json.dumps(st.fields, sort_keys=True) + "</p>"
        """;

    public const string Inputs = """
        {"fields": [
          {"name": "antal", "kind": "integer", "label": "Antal elever", "required": true, "default": "10", "min": "0", "max": "100"},
          {"name": "snitt", "kind": "decimal", "label": "Snittbetyg", "help": "Med decimaler."}
        ], "files": {"minFiles": 0, "maxFiles": 0}}
        """;

    /// <summary>One CSV file and no fields: for a wrong file type.</summary>
    public const string OneCsv = """{"fields": [], "files": {"minFiles": 1, "maxFiles": 1, "extensions": [".csv"]}}""";

    /// <summary>
    /// Publishes the tool: its first version is replaced as the active one by a version with these inputs
    /// (by default <see cref="Script"/> with <see cref="Inputs"/>).
    /// </summary>
    public static async Task<string> PublishAsync(TestDatabase database, string script = Script, string inputs = Inputs)
    {
        var (toolId, _, slug) = await ToolRows.InsertAsync(database, script, Guid.NewGuid(), published: true);
        await using var data = database.CreateDataSource();
        await using var insert = data.CreateCommand("""
            UPDATE tool_versions SET state = 'archived' WHERE tool_id = @t AND number = 1;
            INSERT INTO tool_versions (id, tool_id, number, state, source, content_sha256, created_by, inputs)
            SELECT @v, id, 2, 'active', @src, @sha, created_by, @inputs::jsonb FROM tools WHERE id = @t;
            UPDATE tools SET active_version_id = @v, title = @title WHERE id = @t;
            """);
        insert.Parameters.AddWithValue("t", toolId);
        insert.Parameters.AddWithValue("v", Guid.NewGuid());
        insert.Parameters.AddWithValue("src", script);
        insert.Parameters.AddWithValue("sha", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script + inputs))));
        insert.Parameters.AddWithValue("inputs", inputs);
        insert.Parameters.AddWithValue("title", "Fälteko " + slug[^6..]);
        await insert.ExecuteNonQueryAsync();
        return slug;
    }
}
