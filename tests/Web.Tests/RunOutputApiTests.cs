using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Web.Tests;

/// <summary>
/// Output blocks and friendly failures through the JSON API, the real host and Docker: table downloads made by the
/// platform, inline images only for image blocks, and what a teacher, the author and an admin read of a failure.
/// </summary>
public sealed class RunOutputApiTests(IdentityHostFixture fixture) : IClassFixture<IdentityHostFixture>
{
    private const string TableScript = """
        import skriptoteket as st
        def run_tool(input_path, output_dir):
            with open(output_dir + "/bild.png", "wb") as f:
                f.write(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
            with open(output_dir + "/falsk.png", "wb") as f:
                f.write(b"<svg onload=alert(1)>")
            with open(output_dir + "/data.txt", "w") as f:
                f.write("x")
            return [st.notice("Klart"),
                    st.table(["Namn", "Poäng"], [["Åsa", 12.5], ["Bo", 9]], title="Poäng"),
                    st.image("bild.png", alt="Bild"), st.image("falsk.png")]
        """;

    [Fact]
    public async Task Teacher_downloads_a_table_as_xlsx_and_csv_and_sees_only_real_image_blocks_inline()
    {
        var (_, _, slug) = await ToolRows.InsertAsync(fixture.Database, TableScript, Guid.NewGuid(), published: true);
        using var teacher = await fixture.LoginAsNewAsync("user");
        using var other = await fixture.LoginAsNewAsync("user");
        var run = await RunAsync(teacher, $"api/v1/tools/{slug}/run");
        var runId = run.GetProperty("runId").GetGuid();

        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        var kinds = run.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["notice", "table", "image", "image"], kinds);

        using var xlsx = await teacher.Http.GetAsync($"api/v1/tool-runs/{runId}/tables/1/xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("Poang.xlsx", xlsx.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using (var doc = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            var cells = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().Select(c => c.InnerText).ToList();
            Assert.Equal(["Namn", "Poäng", "Åsa", "12.5", "Bo", "9"], cells);
        }
        using var csv = await teacher.Http.GetAsync($"api/v1/tool-runs/{runId}/tables/1/csv");
        Assert.Equal("Namn;Poäng\r\nÅsa;12,5\r\nBo;9\r\n", Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'));
        await teacher.GetAsync($"api/v1/tool-runs/{runId}/tables/0/xlsx").ExpectAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await teacher.GetAsync($"api/v1/tool-runs/{runId}/tables/1/pdf").ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await other.GetAsync($"api/v1/tool-runs/{runId}/tables/1/xlsx").ExpectAsync(HttpStatusCode.NotFound, "NOT_FOUND");

        var artifacts = run.GetProperty("artifacts").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!, a => a.GetProperty("id").GetInt32());
        using var image = await teacher.Http.GetAsync($"api/v1/tool-runs/{runId}/images/{artifacts["bild.png"]}");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", image.Headers.GetValues("Content-Security-Policy").Single());
        // A file named .png that is no image, and a file no image block shows, stay downloads only.
        await teacher.GetAsync($"api/v1/tool-runs/{runId}/images/{artifacts["falsk.png"]}").ExpectAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await teacher.GetAsync($"api/v1/tool-runs/{runId}/images/{artifacts["data.txt"]}").ExpectAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await other.GetAsync($"api/v1/tool-runs/{runId}/images/{artifacts["bild.png"]}").ExpectAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Teacher_reads_a_ToolUserError_as_written()
    {
        const string script = """
            import skriptoteket as st
            def run_tool(input_path, output_dir):
                raise st.ToolUserError("Filen saknar kolumnen Namn.")
            """;
        var (_, _, slug) = await ToolRows.InsertAsync(fixture.Database, script, Guid.NewGuid(), published: true);
        using var teacher = await fixture.LoginAsNewAsync("user");

        var run = await RunAsync(teacher, $"api/v1/tools/{slug}/run");

        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.Equal("Filen saknar kolumnen Namn.", run.GetProperty("errorSummary").GetString());
    }

    [Fact]
    public async Task Any_other_exception_shows_the_teacher_a_reference_and_the_author_and_admins_the_exception()
    {
        const string script = """
            def run_tool(input_path, output_dir):
                raise KeyError("hemlig-kolumn")
            """;
        using var author = await fixture.LoginAsNewAsync("contributor");
        var (_, version, slug) = await ToolRows.InsertAsync(fixture.Database, script, author.Id, published: true);
        using var teacher = await fixture.LoginAsNewAsync("user");
        using var admin = await fixture.SuperuserAsync();

        var forTeacher = await RunAsync(teacher, $"api/v1/tools/{slug}/run");
        var runId = forTeacher.GetProperty("runId").GetGuid();
        var forAdmin = await admin.GetAsync($"api/v1/tool-runs/{runId}").ExpectAsync(HttpStatusCode.OK);
        var sandbox = await RunAsync(author, $"api/v1/tool-versions/{version}/run-sandbox");

        var reference = runId.ToString("N")[..8];
        Assert.Equal($"Verktyget stötte på ett oväntat fel. Ge referensen {reference} till den som ansvarar för verktyget.",
            forTeacher.GetProperty("errorSummary").GetString());
        Assert.DoesNotContain("hemlig", forTeacher.GetRawText());
        Assert.DoesNotContain("KeyError", forTeacher.GetRawText());
        Assert.Equal(JsonValueKind.Null, forTeacher.GetProperty("errorDetail").ValueKind);
        Assert.Equal("KeyError: 'hemlig-kolumn'", forAdmin.GetProperty("errorDetail").GetString());
        Assert.Contains("Traceback", forAdmin.GetProperty("stderr").GetString());
        Assert.Equal("KeyError: 'hemlig-kolumn'", sandbox.GetProperty("errorDetail").GetString());
        Assert.Contains("Traceback", sandbox.GetProperty("stderr").GetString());
    }

    private static async Task<JsonElement> RunAsync(ApiUser user, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent("namn\nAda"u8.ToArray()), "files", "elever.csv" } },
        };
        request.Headers.Add("X-CSRF-TOKEN", user.CsrfToken);
        var started = await user.Http.SendAsync(request).ExpectAsync(HttpStatusCode.Accepted);
        var runId = started.GetProperty("runId").GetGuid();
        return await user.WaitForFinishedAsync(runId);
    }
}
