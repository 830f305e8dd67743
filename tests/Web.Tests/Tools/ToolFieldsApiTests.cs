using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Skriptoteket.Web.Tests.Tools;

/// <summary>
/// Declared fields through the JSON API on the real host: a save carries the declaration, a run carries values
/// (JSON body or multipart part "fields"), refusals name the field (details.field), and the zip round trip
/// keeps the version's content hash.
/// </summary>
public sealed class ToolFieldsApiTests(IdentityHostFixture fixture) : IClassFixture<IdentityHostFixture>
{
    private const string Script = "def run_tool(input_path, output_dir):\n    return '<p>Klar</p>'\n";

    private static readonly object Inputs = new
    {
        fields = new object[]
        {
            new { name = "klass", kind = "one_choice", label = "Klass", required = true, options = new[] { "7A", "7B" } },
            new { name = "grans", kind = "integer", label = "Gräns", min = "0", max = "100", @default = "10" },
        },
        files = new { minFiles = 0, maxFiles = 1, extensions = new[] { ".csv" } },
    };

    [Fact]
    public async Task Run_values_are_checked_against_the_declaration_and_refusals_name_the_field()
    {
        using var admin = await fixture.SuperuserAsync();
        var (slug, _) = await PublishedToolAsync(admin);
        using var teacher = await fixture.LoginAsNewAsync("user");

        var refused = await teacher.SendAsync(HttpMethod.Post, $"api/v1/tools/{slug}/run", new { fields = new { grans = 500 } })
            .ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var details = refused.GetProperty("error").GetProperty("details");
        Assert.Equal("fields.klass", details.GetProperty("field").GetString());
        Assert.Equal("Klass: välj ett alternativ.", details.GetProperty("fields").GetProperty("fields.klass").GetString());
        Assert.Equal("Gräns: högst 100.", details.GetProperty("fields").GetProperty("fields.grans").GetString());
        Assert.Contains("Gräns: högst 100.", refused.GetProperty("error").GetProperty("message").GetString());

        var multipart = new MultipartFormDataContent
        {
            { new ByteArrayContent("namn\nAda"u8.ToArray()), "files", "elever.csv" },
            { new StringContent("""{"klass": "8C"}"""), "fields" },
        };
        var wrongChoice = await Send(teacher, $"api/v1/tools/{slug}/run", multipart).ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal("fields.klass", wrongChoice.GetProperty("error").GetProperty("details").GetProperty("field").GetString());

        var started = await teacher.SendAsync(HttpMethod.Post, $"api/v1/tools/{slug}/run", new { fields = new { klass = "7B", grans = "42" } })
            .ExpectAsync(HttpStatusCode.Accepted);
        var runId = started.GetProperty("runId").GetGuid();
        var run = await teacher.WaitForFinishedAsync(runId);
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal("<p>Klar</p>", run.GetProperty("html").GetString());
    }

    [Fact]
    public async Task An_exported_zip_holds_the_declaration_and_imports_back_to_the_same_content()
    {
        using var admin = await fixture.SuperuserAsync();
        var (_, saved) = await PublishedToolAsync(admin, publish: false);
        var savedId = saved.GetProperty("id").GetGuid();

        using var export = await admin.GetAsync($"api/v1/tool-versions/{savedId}/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var zipBytes = await export.Content.ReadAsByteArrayAsync();
        using (var zip = new ZipArchive(new MemoryStream(zipBytes)))
        {
            using var reader = new StreamReader(zip.GetEntry("inputs.json")!.Open(), Encoding.UTF8);
            Assert.Contains("\"one_choice\"", await reader.ReadToEndAsync());
        }

        var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(zipBytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        upload.Add(file, "file", "export.zip");
        var imported = await Send(admin, $"api/v1/tool-versions/{savedId}/import", upload).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(saved.GetProperty("contentSha256").GetString(), imported.GetProperty("contentSha256").GetString());
        Assert.Equal(JsonSerializer.Serialize(saved.GetProperty("inputs")), JsonSerializer.Serialize(imported.GetProperty("inputs")));

        var broken = new MultipartFormDataContent { { new ByteArrayContent("inte en zip"u8.ToArray()), "file", "x.zip" } };
        var refused = await Send(admin, $"api/v1/tool-versions/{imported.GetProperty("id").GetGuid()}/import", broken)
            .ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal("Filen är inte en läsbar zip-fil.", refused.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_malformed_declaration_in_a_save_is_refused_in_Swedish()
    {
        using var admin = await fixture.SuperuserAsync();
        var tool = await admin.SendAsync(HttpMethod.Post, "api/v1/tools", Metadata()).ExpectAsync(HttpStatusCode.Created);
        var draft = await admin.SendAsync(HttpMethod.Post, $"api/v1/tools/{tool.GetProperty("id").GetGuid()}/versions", new { })
            .ExpectAsync(HttpStatusCode.Created);

        var refused = await admin.SendAsync(HttpMethod.Post, $"api/v1/tool-versions/{draft.GetProperty("id").GetGuid()}", new
        {
            baseVersionId = draft.GetProperty("id").GetGuid(), source = Script,
            inputs = new { fields = new[] { new { name = "1x", kind = "one_choice", label = "X" } }, files = new { minFiles = 0, maxFiles = 0 } },
        }).ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");

        Assert.Contains("ange minst ett alternativ", refused.GetProperty("error").GetProperty("message").GetString());
    }

    private static object Metadata() => new
    {
        slug = "falt-" + Guid.NewGuid().ToString("N")[..10], title = "Fältverktyg", summary = "", usageMarkdown = "",
        professions = new[] { "larare" }, categories = new[] { "administration" },
    };

    /// <summary>A tool whose version declares <see cref="Inputs"/>; published in the catalog unless told not to.</summary>
    private static async Task<(string Slug, JsonElement Saved)> PublishedToolAsync(ApiUser admin, bool publish = true)
    {
        var tool = await admin.SendAsync(HttpMethod.Post, "api/v1/tools", Metadata()).ExpectAsync(HttpStatusCode.Created);
        var toolId = tool.GetProperty("id").GetGuid();
        var draft = await admin.SendAsync(HttpMethod.Post, $"api/v1/tools/{toolId}/versions", new { }).ExpectAsync(HttpStatusCode.Created);
        var draftId = draft.GetProperty("id").GetGuid();
        var saved = await admin.SendAsync(HttpMethod.Post, $"api/v1/tool-versions/{draftId}",
            new { baseVersionId = draftId, source = Script, changeSummary = "Fält", inputs = Inputs }).ExpectAsync(HttpStatusCode.Created);
        if (publish)
        {
            var id = saved.GetProperty("id").GetGuid();
            await admin.SendAsync(HttpMethod.Post, $"api/v1/tool-versions/{id}/submit-review", new { }).ExpectAsync(HttpStatusCode.OK);
            await admin.SendAsync(HttpMethod.Post, $"api/v1/tool-versions/{id}/publish", new { }).ExpectAsync(HttpStatusCode.OK);
            await admin.SendAsync(HttpMethod.Post, $"api/v1/tools/{toolId}/publish", new { }).ExpectAsync(HttpStatusCode.OK);
        }
        return (tool.GetProperty("metadata").GetProperty("slug").GetString()!, saved);
    }

    private static Task<HttpResponseMessage> Send(ApiUser user, string path, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("X-CSRF-TOKEN", user.CsrfToken);
        return user.Http.SendAsync(request);
    }
}
