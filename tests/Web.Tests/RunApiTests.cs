using System.Net;
using System.Text;
using System.Text.Json;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Web.Tests;

/// <summary>Runs through the JSON API with real logins, the real host and the real Docker engine.</summary>
public sealed partial class RunApiTests(IdentityHostFixture fixture) : IClassFixture<IdentityHostFixture>
{
    private const string Script = """
        def run_tool(input_path, output_dir):
            rows = open(input_path, encoding="utf-8").read().splitlines()
            with open(output_dir + "/Sammanstallning.csv", "w") as f:
                f.write("\n".join(rows))
            return f"<p>{len(rows)} rader</p>"
        """;

    /// <summary>What a client reads of a run, in order: the run's facts, its output's fields at the top level, its session.</summary>
    private static readonly string[] RunProperties =
    [
        "runId", "kind", "status", "isFinished", "toolId", "versionId", "requestedBy", "queuePosition", "html", "stdout",
        "stderr", "errorSummary", "outputTruncated", "artifacts", "skippedArtifacts", "inputs", "createdAt", "startedAt",
        "finishedAt", "silo", "blocks", "blocksTruncated", "errorDetail", "sessionKey", "stepName",
    ];

    [Fact]
    public async Task User_runs_a_published_tool_downloads_its_file_and_nobody_else_sees_the_run()
    {
        var (_, _, slug) = await ToolRows.InsertAsync(fixture.Database, Script, Guid.NewGuid(), published: true);
        using var teacher = await fixture.LoginAsNewAsync("user");
        using var other = await fixture.LoginAsNewAsync("user");

        var started = await StartAsync(teacher, $"api/v1/tools/{slug}/run", "elever.csv", "namn,betyg\nAda,A\nBo,B")
            .ExpectAsync(HttpStatusCode.Accepted);
        var runId = started.GetProperty("runId").GetGuid();
        var done = await teacher.WaitForFinishedAsync(runId);

        Assert.Equal("succeeded", done.GetProperty("status").GetString());
        Assert.Equal("<p>3 rader</p>", done.GetProperty("html").GetString());
        using var download = await teacher.GetAsync($"api/v1/tool-runs/{runId}/artifacts/0");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Sammanstallning.csv", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        var mine = await teacher.GetAsync("api/v1/my-runs").ExpectAsync(HttpStatusCode.OK);
        var listed = mine.EnumerateArray().Single(r => r.GetProperty("runId").GetGuid() == runId);
        Assert.Equal("succeeded", listed.GetProperty("status").GetString());
        Assert.Equal("", listed.GetProperty("html").GetString()); // lists leave the output out; the run itself has it
        // One shape for a run wherever the API answers with one (clients read these names; RunJsonTests the spellings).
        var own = await teacher.GetAsync($"api/v1/my-runs/{runId}").ExpectAsync(HttpStatusCode.OK);
        Assert.All(new[] { started, done, listed, own }, run => Assert.Equal(RunProperties, run.EnumerateObject().Select(p => p.Name)));
        Assert.Equal("production", done.GetProperty("kind").GetString());

        await other.GetAsync($"api/v1/tool-runs/{runId}").ExpectAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await other.GetAsync($"api/v1/my-runs/{runId}").ExpectAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await other.GetAsync($"api/v1/tool-runs/{runId}/artifacts/0").ExpectAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        using var admin = await fixture.SuperuserAsync();
        await admin.GetAsync($"api/v1/tool-runs/{runId}").ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task User_gets_no_logs_of_own_failed_production_run_but_an_admin_does()
    {
        const string failing = """
            import sys
            def run_tool(input_path, output_dir):
                print("hemlig-stdout")
                print("hemlig-stderr", file=sys.stderr)
                raise ValueError("trasig")
            """;
        var (_, _, slug) = await ToolRows.InsertAsync(fixture.Database, failing, Guid.NewGuid(), published: true);
        using var teacher = await fixture.LoginAsNewAsync("user");
        var started = await StartAsync(teacher, $"api/v1/tools/{slug}/run", "a.csv", "x").ExpectAsync(HttpStatusCode.Accepted);
        var runId = started.GetProperty("runId").GetGuid();

        var seen = await teacher.WaitForFinishedAsync(runId);
        Assert.Equal("failed", seen.GetProperty("status").GetString());
        Assert.Equal("", seen.GetProperty("stdout").GetString());
        Assert.Equal("", seen.GetProperty("stderr").GetString());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("silo").ValueKind);
        Assert.DoesNotContain("trasig", seen.GetProperty("errorSummary").GetString());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("errorDetail").ValueKind);
        var mine = await teacher.GetAsync("api/v1/my-runs").ExpectAsync(HttpStatusCode.OK);
        var listed = mine.EnumerateArray().Single(r => r.GetProperty("runId").GetGuid() == runId);
        Assert.Equal("", listed.GetProperty("stderr").GetString());

        using var admin = await fixture.SuperuserAsync();
        var full = await admin.GetAsync($"api/v1/tool-runs/{runId}").ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("hemlig-stdout", full.GetProperty("stdout").GetString());
        Assert.Contains("hemlig-stderr", full.GetProperty("stderr").GetString());
        Assert.NotEqual(JsonValueKind.Null, full.GetProperty("silo").ValueKind);
        Assert.Equal("ValueError: trasig", full.GetProperty("errorDetail").GetString());
    }

    [Fact]
    public async Task The_same_idempotency_key_gives_the_same_run_and_another_key_another_run()
    {
        var (toolId, _, slug) = await ToolRows.InsertAsync(fixture.Database, Script, Guid.NewGuid(), published: true);
        using var teacher = await fixture.LoginAsNewAsync("user");
        using var colleague = await fixture.LoginAsNewAsync("user");
        var path = $"api/v1/tools/{slug}/run";

        // A retried request (the answer got lost, the teacher reloaded): the same key, one run, the same id.
        var first = await StartAsync(teacher, path, "a.csv", "x", key: "inlamning-1").ExpectAsync(HttpStatusCode.Accepted);
        var again = await StartAsync(teacher, path, "a.csv", "x", key: "inlamning-1").ExpectAsync(HttpStatusCode.Accepted);
        var runId = first.GetProperty("runId").GetGuid();
        Assert.Equal(runId, again.GetProperty("runId").GetGuid());
        // Another key is another intent; the same key from someone else is theirs alone.
        var other = await StartAsync(teacher, path, "a.csv", "x", key: "inlamning-2").ExpectAsync(HttpStatusCode.Accepted);
        var colleagues = await StartAsync(colleague, path, "a.csv", "x", key: "inlamning-1").ExpectAsync(HttpStatusCode.Accepted);
        Assert.NotEqual(runId, other.GetProperty("runId").GetGuid());
        Assert.NotEqual(runId, colleagues.GetProperty("runId").GetGuid());
        Assert.Equal(3L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM runs WHERE tool_id = '{toolId}'"));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM runs WHERE tool_id = '{toolId}' AND requested_by = '{teacher.Id}' AND start_key = 'inlamning-1'"));

        // Finished, the run is still what the key names: a late retry does not start it again.
        await teacher.WaitForFinishedAsync(runId);
        var late = await StartAsync(teacher, path, "a.csv", "x", key: "inlamning-1").ExpectAsync(HttpStatusCode.Accepted);
        Assert.Equal(runId, late.GetProperty("runId").GetGuid());
        Assert.Equal("succeeded", late.GetProperty("status").GetString());

        var refused = await StartAsync(teacher, path, "a.csv", "x", key: "med mellanslag").ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains("Idempotency-Key", refused.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(3L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM runs WHERE tool_id = '{toolId}'"));
    }

    [Fact]
    public async Task Forbidden_uploads_unknown_tools_and_missing_csrf_are_refused()
    {
        var (_, version, slug) = await ToolRows.InsertAsync(fixture.Database, Script, Guid.NewGuid(), published: true);
        using var teacher = await fixture.LoginAsNewAsync("user");

        var refused = await StartAsync(teacher, $"api/v1/tools/{slug}/run", "program.exe", "MZ").ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains("Filtypen", refused.GetProperty("error").GetProperty("message").GetString());
        await StartAsync(teacher, "api/v1/tools/finns-inte/run", "a.csv", "x").ExpectAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        // As on the sibling tool-version routes, a user is refused by the route policy (403), not by the grain.
        await StartAsync(teacher, $"api/v1/tool-versions/{version}/run-sandbox", "a.csv", "x").ExpectAsync(HttpStatusCode.Forbidden);
        await StartAsync(teacher, $"api/v1/tools/{slug}/run", "a.csv", "x", csrf: false).ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_sandbox_run_without_the_file_its_version_needs_is_refused_with_the_run_pages_message_in_either_language()
    {
        using var author = await fixture.LoginAsNewAsync("contributor");
        var (_, version, _) = await ToolRows.InsertAsync(fixture.Database, Script, author.Id, published: false);
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/tool-versions/{version}/run-sandbox")
        {
            Content = new MultipartFormDataContent { { new StringContent("{}"), "fields" } },
        };
        request.Headers.Add("X-CSRF-TOKEN", author.CsrfToken);

        var refused = await author.Http.SendAsync(request).ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");

        Assert.Equal("Välj en fil att köra verktyget med.", refused.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM runs WHERE version_id = '{version}'"));

        // In English (?culture=en or the culture cookie) the same refusal, the same code, from the error's key.
        var english = new HttpRequestMessage(HttpMethod.Post, $"api/v1/tool-versions/{version}/run-sandbox?culture=en")
        {
            Content = new MultipartFormDataContent { { new StringContent("{}"), "fields" } },
        };
        english.Headers.Add("X-CSRF-TOKEN", author.CsrfToken);
        var inEnglish = await author.Http.SendAsync(english).ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal("Choose a file to run the tool with.", inEnglish.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Several_large_files_within_the_per_file_limit_are_accepted_and_too_many_get_a_swedish_message()
    {
        const string sizes = """
            import os
            def run_tool(input_path, output_dir):
                folder = os.path.dirname(input_path)
                return ",".join(str(os.path.getsize(os.path.join(folder, n))) for n in sorted(os.listdir(folder)) if n.endswith(".txt"))
            """;
        var (_, _, slug) = await ToolRows.InsertAsync(fixture.Database, sizes, Guid.NewGuid(), published: true);
        using var teacher = await fixture.LoginAsNewAsync("user");
        var twentyMegabytes = new byte[20 * 1024 * 1024];
        Array.Fill(twentyMegabytes, (byte)'a');

        var started = await SendFilesAsync(teacher, $"api/v1/tools/{slug}/run", twentyMegabytes, 2).ExpectAsync(HttpStatusCode.Accepted);
        var done = await teacher.WaitForFinishedAsync(started.GetProperty("runId").GetGuid());
        var refused = await SendFilesAsync(teacher, $"api/v1/tools/{slug}/run", twentyMegabytes, 5)
            .ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");

        Assert.Equal("succeeded", done.GetProperty("status").GetString());
        Assert.Equal("20971520,20971520", done.GetProperty("html").GetString());
        Assert.Contains("för stora tillsammans", refused.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Files_each_within_the_per_file_limit_are_refused_by_the_per_run_limit_with_the_pages_message()
    {
        var (_, _, slug) = await ToolRows.InsertAsync(fixture.Database, Script, Guid.NewGuid(), published: true);
        using var teacher = await fixture.LoginAsNewAsync("user");
        var twentyMegabytes = new byte[20 * 1024 * 1024];
        Array.Fill(twentyMegabytes, (byte)'a');

        // 60 MB in three legal files: over Uploads:MaxRunBytes (50 MB), under what the API let through before (100 MB).
        var tooLarge = await SendFilesAsync(teacher, $"api/v1/tools/{slug}/run", twentyMegabytes, 3)
            .ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var tooMany = await SendFilesAsync(teacher, $"api/v1/tools/{slug}/run", [1], 11)
            .ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");

        Assert.Equal("Filerna är för stora tillsammans. Högst 50 MB per körning.",
            tooLarge.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal("Högst 10 filer per körning.", tooMany.GetProperty("error").GetProperty("message").GetString());
    }

    private static Task<HttpResponseMessage> SendFilesAsync(ApiUser user, string path, byte[] content, int count)
    {
        var form = new MultipartFormDataContent();
        for (var i = 0; i < count; i++)
        {
            form.Add(new ByteArrayContent(content), "files", $"del{i}.txt");
        }
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
        request.Headers.Add("X-CSRF-TOKEN", user.CsrfToken);
        // As curl does for large bodies: a refusal can then arrive before the upload is sent.
        request.Headers.ExpectContinue = true;
        return user.Http.SendAsync(request);
    }

    private static Task<HttpResponseMessage> StartAsync(ApiUser user, string path, string fileName, string content, bool csrf = true,
        string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "files", fileName } },
        };
        if (csrf)
        {
            request.Headers.Add("X-CSRF-TOKEN", user.CsrfToken);
        }
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }
        return user.Http.SendAsync(request);
    }
}
