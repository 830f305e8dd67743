using Npgsql;
using Skriptoteket.TestSupport;

namespace Skriptoteket.EndToEnd.Tests.Teacher;

/// <summary>A published tool with a title, summary and usage instructions that counts a CSV's rows and offers a file.</summary>
internal static class TeacherTool
{
    public const string Script = """
        def run_tool(input_path, output_dir):
            rows = open(input_path, encoding="utf-8").read().splitlines()
            with open(output_dir + "/Resultat.csv", "w") as f:
                f.write("antal\n" + str(len(rows)))
            return f"<h3 id='svar'>{len(rows)} rader</h3><table><tr><td>" + "x" * 30 + "</td></tr></table>"
        """;

    /// <summary>Publishes the tool (by default <see cref="Script"/> with short instructions); another script or longer instructions when given.</summary>
    public static async Task<(string Slug, string Title)> PublishAsync(TestDatabase database, string script = Script,
        string usage = "Exportera klasslistan som **CSV** och välj den här.")
    {
        var (toolId, _, slug) = await ToolRows.InsertAsync(database, script, Guid.NewGuid(), published: true);
        var title = "Radräknare " + slug[^6..];
        await using var data = database.CreateDataSource();
        await using var update = data.CreateCommand("UPDATE tools SET title = @title, summary = @summary, usage_md = @usage WHERE id = @id");
        update.Parameters.AddWithValue("id", toolId);
        update.Parameters.AddWithValue("title", title);
        update.Parameters.AddWithValue("summary", "Räknar raderna i en CSV-fil.");
        update.Parameters.AddWithValue("usage", usage);
        await update.ExecuteNonQueryAsync();
        return (slug, title);
    }
}
