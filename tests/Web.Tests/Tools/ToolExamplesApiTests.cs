using System.Net;
using System.Text.Json;

namespace Skriptoteket.Web.Tests.Tools;

/// <summary>
/// Worked examples through the JSON API on the real host (docs/adr/0012-worked-examples.md): only admins manage
/// examples, bad input is refused with a Swedish 4xx, checks are listed per version, and a teacher may try one.
/// </summary>
public sealed class ToolExamplesApiTests(IdentityHostFixture fixture) : IClassFixture<IdentityHostFixture>
{
    private const string Script =
        "import skriptoteket as st\n\ndef run_tool(input_path, output_dir):\n    return [st.notice('Klass ' + st.field('klass'))]\n";

    private static readonly object Inputs = new
    {
        fields = new object[] { new { name = "klass", kind = "one_choice", label = "Klass", required = true, options = new[] { "7A", "7B" } } },
        files = new { minFiles = 0, maxFiles = 1, extensions = new[] { ".csv" } },
    };

    [Fact]
    public async Task Teachers_and_contributors_cannot_manage_examples_and_bad_input_gets_a_Swedish_4xx()
    {
        using var admin = await fixture.SuperuserAsync();
        using var teacher = await fixture.LoginAsNewAsync("user");
        using var contributor = await fixture.LoginAsNewAsync("contributor");
        var (toolId, _, _) = await ToolAsync(admin);
        var path = $"api/v1/tools/{toolId}/examples";
        var good = new { name = "Sjuan A", fields = new { klass = "7A" } };

        await teacher.SendAsync(HttpMethod.Post, path, good).ExpectAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await contributor.SendAsync(HttpMethod.Post, path, good).ExpectAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await teacher.GetAsync(path).ExpectAsync(HttpStatusCode.NotFound, "NOT_FOUND");

        Assert.Equal("Exemplets namn saknas.", Message(await admin.SendAsync(HttpMethod.Post, path, new { name = " " })
            .ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR")));
        var badValue = await admin.SendAsync(HttpMethod.Post, path, new { name = "X", fields = new { klass = "9C" } })
            .ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal("fields.klass", badValue.GetProperty("error").GetProperty("details").GetProperty("field").GetString());
        Assert.Equal("fields måste vara ett JSON-objekt: {namn: värde}.", Message(await admin.SendAsync(HttpMethod.Post, path,
            new { name = "X", fields = "7A" }).ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR")));
        Assert.Equal("Filen \"a.csv\": contentBase64 är inte giltig base64.", Message(await admin.SendAsync(HttpMethod.Post, path,
            new { name = "X", fields = new { klass = "7A" }, files = new[] { new { name = "a.csv", contentBase64 = "%%%" } } })
            .ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR")));

        var added = await admin.SendAsync(HttpMethod.Post, path, new
        {
            name = "Sjuan A", fields = new { klass = "7A" },
            files = new[] { new { name = "elever.csv", contentBase64 = Convert.ToBase64String("namn\nAda\n"u8.ToArray()) } },
        }).ExpectAsync(HttpStatusCode.Created);
        var exampleId = added.GetProperty("id").GetGuid();
        Assert.Equal(9, added.GetProperty("files")[0].GetProperty("bytes").GetInt64());
        await admin.SendAsync(HttpMethod.Post, path, good).ExpectAsync(HttpStatusCode.Conflict, "CONFLICT");
        await teacher.SendAsync(HttpMethod.Post, $"{path}/{exampleId}/rename", new { name = "Y" }).ExpectAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await teacher.SendAsync(HttpMethod.Delete, $"{path}/{exampleId}").ExpectAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Equal("Ange runId: körningen vars resultat ska bli det förväntade.", Message(await admin.SendAsync(HttpMethod.Post,
            $"{path}/{exampleId}/expected", new { }).ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR")));
        await admin.SendAsync(HttpMethod.Post, $"{path}/{exampleId}/expected", new { runId = Guid.NewGuid() })
            .ExpectAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await admin.SendAsync(HttpMethod.Post, $"{path}/{Guid.NewGuid()}/rename", new { name = "Y" }).ExpectAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal("Sjuan B", (await admin.SendAsync(HttpMethod.Post, $"{path}/{exampleId}/rename", new { name = "Sjuan B" })
            .ExpectAsync(HttpStatusCode.OK)).GetProperty("name").GetString());
        await admin.SendAsync(HttpMethod.Delete, $"{path}/{exampleId}").ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(0, (await admin.GetAsync(path).ExpectAsync(HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task Checks_are_listed_per_version_and_a_teacher_tries_an_example_as_an_own_run()
    {
        using var admin = await fixture.SuperuserAsync();
        using var teacher = await fixture.LoginAsNewAsync("user");
        var (toolId, versionId, _) = await ToolAsync(admin);
        var example = await admin.SendAsync(HttpMethod.Post, $"api/v1/tools/{toolId}/examples", new { name = "Sjuan B", fields = new { klass = "7B" } })
            .ExpectAsync(HttpStatusCode.Created);
        await admin.SendAsync(HttpMethod.Post, $"api/v1/tool-versions/{versionId}/submit-review", new { }).ExpectAsync(HttpStatusCode.OK);

        var check = (await Eventually.GetAsync(() => admin.GetAsync($"api/v1/tool-versions/{versionId}/example-checks").ExpectAsync(HttpStatusCode.OK),
            checks => checks.GetArrayLength() == 1 && checks[0].GetProperty("status").GetString() != "pending", TimeSpan.FromMinutes(2)))[0];
        Assert.Equal("no_expected", check.GetProperty("status").GetString());
        await teacher.GetAsync($"api/v1/tool-versions/{versionId}/example-checks").ExpectAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        var accepted = await admin.SendAsync(HttpMethod.Post, $"api/v1/tools/{toolId}/examples/{example.GetProperty("id").GetGuid()}/expected",
            new { runId = check.GetProperty("runId").GetGuid() }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("[meddelande info] Klass 7B", accepted.GetProperty("expected").GetProperty("text").GetString());
        await admin.SendAsync(HttpMethod.Post, $"api/v1/tool-versions/{versionId}/publish", new { }).ExpectAsync(HttpStatusCode.OK);
        await admin.SendAsync(HttpMethod.Post, $"api/v1/tools/{toolId}/publish", new { }).ExpectAsync(HttpStatusCode.OK);

        var listed = await teacher.GetAsync($"api/v1/tools/{toolId}/examples").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Sjuan B", listed[0].GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, listed[0].GetProperty("expected").ValueKind);
        var started = await teacher.SendAsync(HttpMethod.Post, $"api/v1/tools/{toolId}/examples/{listed[0].GetProperty("id").GetGuid()}/try")
            .ExpectAsync(HttpStatusCode.Accepted);
        var runId = started.GetProperty("runId").GetGuid();
        await teacher.SendAsync(HttpMethod.Post, $"api/v1/tools/{toolId}/examples/{Guid.NewGuid()}/try").ExpectAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        var run = await teacher.WaitForFinishedAsync(runId, "api/v1/my-runs");
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal("production", run.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task An_example_takes_its_steps_from_the_body_and_returns_them_and_bad_steps_get_a_Swedish_400()
    {
        using var admin = await fixture.SuperuserAsync();
        var (toolId, _, _) = await ToolAsync(admin);
        var path = $"api/v1/tools/{toolId}/examples";

        Assert.Equal("Steg 2 (dela): värdena måste vara ett JSON-objekt, till exempel {\"storlek\": 3}.", Message(await admin.SendAsync(HttpMethod.Post, path,
            new { name = "X", fields = new { klass = "7A" }, steps = new object[] { new { step = "dela", values = new[] { 3 } } } })
            .ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR")));
        Assert.StartsWith("Steg 3: stegets namn", Message(await admin.SendAsync(HttpMethod.Post, path,
            new { name = "X", fields = new { klass = "7A" }, steps = new object?[] { new { step = "dela" }, null } })
            .ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR")));

        var added = await admin.SendAsync(HttpMethod.Post, path, new
        {
            name = "Tre steg", fields = new { klass = "7A" },
            steps = new object[] { new { step = "dela", values = new { storlek = 3 } }, new { step = "gor_om" } },
        }).ExpectAsync(HttpStatusCode.Created);
        var steps = added.GetProperty("steps");
        Assert.Equal(["dela", "gor_om"], steps.EnumerateArray().Select(s => s.GetProperty("step").GetString()));
        Assert.Equal("""{"storlek":3}""", steps[0].GetProperty("valuesJson").GetString()); // as the body gave it
        Assert.Equal("{}", steps[1].GetProperty("valuesJson").GetString());
    }

    private static string? Message(JsonElement error) => error.GetProperty("error").GetProperty("message").GetString();

    private static async Task<(Guid ToolId, Guid VersionId, string Slug)> ToolAsync(ApiUser admin)
    {
        var tool = await admin.SendAsync(HttpMethod.Post, "api/v1/tools", new
        {
            slug = "exempel-" + Guid.NewGuid().ToString("N")[..10], title = "Exempelverktyg", summary = "", usageMarkdown = "",
            professions = new[] { "larare" }, categories = new[] { "administration" },
        }).ExpectAsync(HttpStatusCode.Created);
        var toolId = tool.GetProperty("id").GetGuid();
        var draft = await admin.SendAsync(HttpMethod.Post, $"api/v1/tools/{toolId}/versions", new { }).ExpectAsync(HttpStatusCode.Created);
        var draftId = draft.GetProperty("id").GetGuid();
        var saved = await admin.SendAsync(HttpMethod.Post, $"api/v1/tool-versions/{draftId}",
            new { baseVersionId = draftId, source = Script, changeSummary = "Fält", inputs = Inputs }).ExpectAsync(HttpStatusCode.Created);
        return (toolId, saved.GetProperty("id").GetGuid(), tool.GetProperty("metadata").GetProperty("slug").GetString()!);
    }
}
