using System.Net;
using System.Text.Json;

namespace Skriptoteket.Web.Tests.Tools;

/// <summary>
/// Tool sessions through the JSON API on the real host and runner (docs/adr/0016-tool-sessions.md): a run that
/// offers a step opens the caller's session; hostile steps (a forged step name, another view's run, values outside
/// the step's form, values that are no object or far too large) get a clear 4xx and the session still answers; a
/// step is one run however often it is sent with its key; the last step ends the session; nobody else sees it.
/// </summary>
public sealed class ToolSessionApiTests(IdentityHostFixture fixture) : IClassFixture<IdentityHostFixture>
{
    private const string Script = """
        import skriptoteket as st

        def run_tool(input_path, output_dir):
            if st.current_step is None:
                st.state["klass"] = st.fields["klass"]
                return [st.notice("Klass " + st.fields["klass"]),
                        st.step("storlek", "Välj gruppstorlek", [
                            {"name": "storlek", "kind": "integer", "label": "Gruppstorlek", "min": 2, "max": 6, "required": True}])]
            return [st.notice("%s i grupper om %d" % (st.state["klass"], st.fields["storlek"]))]
        """;

    private static readonly object Inputs = new
    {
        fields = new object[] { new { name = "klass", kind = "short_text", label = "Klass", required = true } },
        files = new { minFiles = 0, maxFiles = 0 },
    };

    /// <summary>What a client reads of a session, in order (docs/adr/0016-tool-sessions.md).</summary>
    private static readonly string[] SessionProperties =
    [
        "open", "kind", "toolId", "versionId", "runIds", "latestRunId", "stepRunning", "stepsTaken", "stepsTotal",
        "nextSteps", "files", "expiresAt",
    ];

    [Fact]
    public async Task Hostile_steps_get_a_clear_4xx_the_session_still_answers_and_a_real_step_is_one_run_that_ends_it()
    {
        using var admin = await fixture.SuperuserAsync();
        var slug = await PublishAsync(admin);
        using var teacher = await fixture.LoginAsNewAsync("user");
        var session = $"api/v1/tools/{slug}/session";

        var opener = (await teacher.SendAsync(HttpMethod.Post, $"api/v1/tools/{slug}/run", new { fields = new { klass = "7B" } })
            .ExpectAsync(HttpStatusCode.Accepted)).GetProperty("runId").GetGuid();
        var openerRun = await teacher.WaitForFinishedAsync(opener);
        Assert.Equal("succeeded", openerRun.GetProperty("status").GetString());
        var open = await Eventually.GetAsync(() => teacher.SendAsync(HttpMethod.Get, session).ExpectAsync(HttpStatusCode.OK),
            s => s.GetProperty("open").GetBoolean(), TimeSpan.FromSeconds(30));
        Assert.Equal(SessionProperties, open.EnumerateObject().Select(p => p.Name));
        Assert.Equal("production", open.GetProperty("kind").GetString());
        var sandbox = await admin.SendAsync(HttpMethod.Get, $"api/v1/tool-versions/{openerRun.GetProperty("versionId").GetGuid()}/session")
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(SessionProperties, sandbox.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("sandbox", false), (sandbox.GetProperty("kind").GetString(), sandbox.GetProperty("open").GetBoolean()));
        Assert.Equal(opener, open.GetProperty("latestRunId").GetGuid());
        Assert.Equal("storlek", open.GetProperty("nextSteps")[0].GetProperty("name").GetString());
        Assert.Equal("Gruppstorlek", open.GetProperty("nextSteps")[0].GetProperty("fields")[0].GetProperty("label").GetString());

        var forgedStep = await Step(teacher, slug, opener, "rm_rf", new { storlek = 3 }).ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains("erbjuds inte", Message(forgedStep));
        var forgedView = await Step(teacher, slug, Guid.NewGuid(), "storlek", new { storlek = 3 }).ExpectAsync(HttpStatusCode.Conflict, "CONFLICT");
        Assert.Equal("Det här steget hör till en äldre vy av verktyget. Sidan visar nu det senaste steget.", Message(forgedView));
        var outside = await Step(teacher, slug, opener, "storlek", new { storlek = 99 }).ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains("Gruppstorlek", Message(outside));
        await Step(teacher, slug, opener, "storlek", new[] { 1, 2 }).ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await Step(teacher, slug, opener, "storlek", new { storlek = 3, sudo = new string('x', 250_000) }).ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await teacher.SendAsync(HttpMethod.Post, $"{session}/steps", new { step = "storlek" }).ExpectAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");

        var still = await teacher.SendAsync(HttpMethod.Get, session).ExpectAsync(HttpStatusCode.OK);
        Assert.True(still.GetProperty("open").GetBoolean());
        Assert.False(still.GetProperty("stepRunning").GetBoolean());
        Assert.Equal(1, still.GetProperty("runIds").GetArrayLength());

        var key = Guid.NewGuid().ToString("N");
        var step = await Step(teacher, slug, opener, "storlek", new { storlek = 3 }, key).ExpectAsync(HttpStatusCode.Accepted);
        var again = await Step(teacher, slug, opener, "storlek", new { storlek = 3 }, key).ExpectAsync(HttpStatusCode.Accepted);
        var stepRun = step.GetProperty("runId").GetGuid();
        Assert.Equal(stepRun, again.GetProperty("runId").GetGuid());
        Assert.Equal("storlek", step.GetProperty("stepName").GetString());
        var done = await teacher.WaitForFinishedAsync(stepRun);
        Assert.Contains("7B i grupper om 3", done.GetRawText());
        await Eventually.GetAsync(() => teacher.SendAsync(HttpMethod.Get, session).ExpectAsync(HttpStatusCode.OK),
            s => !s.GetProperty("open").GetBoolean(), TimeSpan.FromSeconds(30));

        using var other = await fixture.LoginAsNewAsync("user");
        Assert.False((await other.SendAsync(HttpMethod.Get, session).ExpectAsync(HttpStatusCode.OK)).GetProperty("open").GetBoolean());
        await Step(other, slug, stepRun, "storlek", new { storlek = 3 }).ExpectAsync(HttpStatusCode.Conflict, "CONFLICT");
        var cleared = await teacher.SendAsync(HttpMethod.Delete, session).ExpectAsync(HttpStatusCode.OK);
        Assert.False(cleared.GetProperty("open").GetBoolean());
    }

    private static Task<HttpResponseMessage> Step(ApiUser user, string slug, Guid from, string step, object values, string? key = null) =>
        user.SendAsync(HttpMethod.Post, $"api/v1/tools/{slug}/session/steps",
            new { fromRunId = from, step, values, startKey = key ?? Guid.NewGuid().ToString("N") });

    private static string Message(JsonElement error) => error.GetProperty("error").GetProperty("message").GetString()!;

    private static async Task<string> PublishAsync(ApiUser admin)
    {
        var slug = "steg-" + Guid.NewGuid().ToString("N")[..10];
        var tool = await admin.SendAsync(HttpMethod.Post, "api/v1/tools", new
        {
            slug, title = "Stegverktyg", summary = "", usageMarkdown = "", professions = new[] { "larare" }, categories = new[] { "administration" },
        }).ExpectAsync(HttpStatusCode.Created);
        var toolId = tool.GetProperty("id").GetGuid();
        var draft = (await admin.SendAsync(HttpMethod.Post, $"api/v1/tools/{toolId}/versions", new { }).ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var saved = (await admin.SendAsync(HttpMethod.Post, $"api/v1/tool-versions/{draft}",
            new { baseVersionId = draft, source = Script, changeSummary = "Steg", inputs = Inputs }).ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await admin.SendAsync(HttpMethod.Post, $"api/v1/tool-versions/{saved}/submit-review", new { }).ExpectAsync(HttpStatusCode.OK);
        await admin.SendAsync(HttpMethod.Post, $"api/v1/tool-versions/{saved}/publish", new { }).ExpectAsync(HttpStatusCode.OK);
        await admin.SendAsync(HttpMethod.Post, $"api/v1/tools/{toolId}/publish", new { }).ExpectAsync(HttpStatusCode.OK);
        return slug;
    }
}
