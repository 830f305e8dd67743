using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using static System.Net.HttpStatusCode;

namespace Skriptoteket.Web.Tests.Tools;

/// <summary>
/// The cases of issue 9, each of which broke on the earlier code: NUL that bricked a tool, missing fields and
/// out-of-range input that answered 500 with an empty body, a decision without a kind that accepted, text
/// without a length limit. Real host, real PostgreSQL.
/// </summary>
public sealed class HostileInputRegressionTests(ToolsApiHostFixture fixture) : IClassFixture<ToolsApiHostFixture>
{
    [Fact]
    public async Task A_NUL_in_a_draft_is_refused_naming_the_field_and_the_tool_keeps_answering_for_everyone()
    {
        var (admin, author, su) = (fixture.Admin, fixture.OtherContributor, fixture.Superuser);
        var toolId = await NewToolAsync();
        var draft = ToolRouteWorld.Id(await author.ExpectAsync(Created, author.PostAsync($"api/v1/tools/{toolId}/versions", new { })));

        await RefusedAsync(author.PostAsync($"api/v1/tool-versions/{draft}",
            new { baseVersionId = draft, source = "print('a')\0", changeSummary = "ok" }), "Skriptet");
        await RefusedAsync(author.PostAsync($"api/v1/tool-versions/{draft}",
            new { baseVersionId = draft, source = "print('a')", changeSummary = "ny\0" }), "Ändringssammanfattningen");
        await RefusedAsync(author.PostAsync($"api/v1/tool-versions/{draft}/submit-review", new { reviewNote = "titta\u0001" }),
            "Granskningsanteckningen");
        await RefusedAsync(admin.SendAsync(HttpMethod.Put, $"api/v1/tools/{toolId}",
            new { slug = $"trasig-{Guid.NewGuid():N}"[..20], title = "T\0", summary = "", usageMarkdown = "",
                professions = new[] { "larare" }, categories = new[] { "administration" } }), "Titeln");

        // Every call on the tool still answers, for the author and for the superuser.
        await author.ExpectAsync(OK, author.GetAsync($"api/v1/tool-versions/{draft}"));
        await su.ExpectAsync(OK, su.GetAsync($"api/v1/tools/{toolId}"));
        var saved = ToolRouteWorld.Id(await author.ExpectAsync(Created, author.PostAsync($"api/v1/tool-versions/{draft}",
            new { baseVersionId = draft, source = ToolRouteWorld.Script, changeSummary = "Fungerar" })));
        await author.ExpectAsync(OK, author.PostAsync($"api/v1/tool-versions/{saved}/submit-review", new { reviewNote = "Klar" }));
        await admin.ExpectAsync(OK, admin.PostAsync($"api/v1/tool-versions/{saved}/publish"));
        await admin.ExpectAsync(OK, admin.PostAsync($"api/v1/tools/{toolId}/publish"));
        await admin.ExpectAsync(OK, admin.PostAsync($"api/v1/tools/{toolId}/depublish"));
    }

    [Fact]
    public async Task Missing_and_null_fields_are_refused_with_the_error_body()
    {
        var (admin, author) = (fixture.Admin, fixture.Contributor);
        var toolId = await NewToolAsync();

        await RefusedAsync(admin.PostAsync("api/v1/tools", new { }), "saknas");
        await RefusedAsync(admin.PostAsync("api/v1/tools", new { slug = "utan-listor", title = "T", summary = "", usageMarkdown = "" }), "saknas");
        await RefusedAsync(admin.SendAsync(HttpMethod.Put, $"api/v1/tools/{toolId}", new { slug = (string?)null, title = "T" }), "saknas");
        await RefusedAsync(author.PostAsync("api/v1/suggestions", new { title = (string?)null, description = "d" }), "Titeln");
        await RefusedAsync(author.PostAsync("api/v1/suggestions",
            new { title = "T", description = "d", professions = new string?[] { null }, categories = new[] { "administration" } }), "Yrkesrollerna");
        await admin.ExpectAsync(OK, admin.GetAsync($"api/v1/tools/{toolId}"));
    }

    [Fact]
    public async Task A_decision_without_a_valid_kind_is_refused_and_leaves_the_suggestion_pending()
    {
        var (admin, author) = (fixture.Admin, fixture.Contributor);
        var id = ToolRouteWorld.Id(await author.ExpectAsync(Created, author.PostAsync("api/v1/suggestions", ToolRouteWorld.Suggestion("Beslut"))));

        await RefusedAsync(admin.PostAsync($"api/v1/suggestions/{id}/decision", new { rationale = "Bra" }), "beslut");
        await RefusedAsync(admin.PostAsync($"api/v1/suggestions/{id}/decision", new { kind = 7, rationale = "Bra" }), "beslut");
        await RefusedAsync(admin.PostAsync($"api/v1/suggestions/{id}/decision", new { kind = "deny", rationale = "Nej\0" }), "Motiveringen");

        var suggestion = await admin.ExpectAsync(OK, admin.GetAsync($"api/v1/suggestions/{id}"));
        Assert.Equal("pending", suggestion.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, suggestion.GetProperty("toolId").ValueKind);
        var denied = await admin.ExpectAsync(OK, admin.PostAsync($"api/v1/suggestions/{id}/decision", new { kind = "deny", rationale = "Finns redan" }));
        Assert.Equal("denied", denied.GetProperty("status").GetString());
        var queue = await admin.ExpectAsync(OK, admin.GetAsync("api/v1/suggestions?scope=queue&decided=true"));
        Assert.Contains(queue.EnumerateArray(), s => s.GetProperty("id").GetGuid() == id && s.GetProperty("status").GetString() == "denied");
    }

    [Fact]
    public async Task Summary_and_usage_text_have_a_maximum_length()
    {
        var toolId = await NewToolAsync();
        var tool = await fixture.Admin.ExpectAsync(OK, fixture.Admin.GetAsync($"api/v1/tools/{toolId}"));
        var slug = tool.GetProperty("metadata").GetProperty("slug").GetString()!;

        await RefusedAsync(fixture.Admin.SendAsync(HttpMethod.Put, $"api/v1/tools/{toolId}", Metadata(slug, new string('s', 1_001), "")), "Sammanfattningen");
        await RefusedAsync(fixture.Admin.SendAsync(HttpMethod.Put, $"api/v1/tools/{toolId}", Metadata(slug, "", new string('u', 50_001))), "Användningstexten");
        await fixture.Admin.ExpectAsync(OK, fixture.Admin.SendAsync(HttpMethod.Put, $"api/v1/tools/{toolId}", Metadata(slug, new string('s', 1_000), "")));
    }

    [Fact]
    public async Task Paging_is_bounded_and_searches_with_NUL_are_refused()
    {
        var su = fixture.Superuser;

        var far = await su.ExpectAsync(OK, su.GetAsync("api/v1/users?page=99999999&pageSize=100000"));
        Assert.Equal(200, far.GetProperty("pageSize").GetInt32());
        await RefusedAsync(su.GetAsync("api/v1/users?q=a%00b"), "Sökningen");
        await RefusedAsync(su.GetAsync("api/v1/catalog/search?q=a%00b"), "Sökningen");
        await ErrorAsync(su.GetAsync("api/v1/users?page=99999999999"), BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task What_the_framework_refuses_carries_the_error_body_too()
    {
        var admin = fixture.Admin;
        var toolId = await NewToolAsync();

        var malformed = await ErrorAsync(Raw(admin, HttpMethod.Put, $"api/v1/tools/{toolId}", "{\"slug\":", "application/json"), BadRequest, "VALIDATION_ERROR");
        Assert.Equal("$.slug", malformed.GetProperty("details").GetProperty("field").GetString());
        await ErrorAsync(Raw(admin, HttpMethod.Put, $"api/v1/tools/{toolId}", "{\"professions\":\"larare\"}", "application/json"), BadRequest, "VALIDATION_ERROR");
        await ErrorAsync(Raw(admin, HttpMethod.Put, $"api/v1/tools/{toolId}", "{}", "text/plain"), UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
        await ErrorAsync(admin.GetAsync("api/v1/tools/inte-ett-id"), NotFound, "NOT_FOUND");
        await ErrorAsync(admin.GetAsync("api/v1/finns-inte"), NotFound, "NOT_FOUND");
        await ErrorAsync(admin.SendAsync(HttpMethod.Delete, $"api/v1/tools/{toolId}"), MethodNotAllowed, "METHOD_NOT_ALLOWED");
        await ErrorAsync(admin.GetAsync("api/v1/catalog/search?q=" + new string('x', 20_000)), RequestUriTooLong, "URI_TOO_LONG");
        await admin.ExpectAsync(OK, admin.GetAsync($"api/v1/tools/{toolId}"));
    }

    [Fact]
    public async Task What_the_framework_refuses_speaks_the_callers_language_with_the_same_code()
    {
        var admin = fixture.Admin;
        var toolId = await NewToolAsync();
        var longQuery = "&q=" + new string('x', 20_000);

        // Swedish by default: no route, a wrong method, an address too long (checked before routing).
        Assert.Equal("Det finns ingenting på den här adressen i API:t.",
            Message(await ErrorAsync(admin.GetAsync("api/v1/finns-inte"), NotFound, "NOT_FOUND")));
        Assert.Equal("Adressen finns men tar inte emot den här metoden.",
            Message(await ErrorAsync(admin.SendAsync(HttpMethod.Delete, $"api/v1/tools/{toolId}"), MethodNotAllowed, "METHOD_NOT_ALLOWED")));
        Assert.Equal("Adressen är för lång (högst 8192 tecken inklusive frågan).",
            Message(await ErrorAsync(admin.GetAsync("api/v1/catalog/search?culture=sv" + longQuery), RequestUriTooLong, "URI_TOO_LONG")));

        // English with ?culture=en, as every other refusal: the code is unchanged.
        Assert.Equal("There is nothing at this address in the API.",
            Message(await ErrorAsync(admin.GetAsync("api/v1/finns-inte?culture=en"), NotFound, "NOT_FOUND")));
        Assert.Equal("The address exists but does not accept this method.",
            Message(await ErrorAsync(admin.SendAsync(HttpMethod.Delete, $"api/v1/tools/{toolId}?culture=en"), MethodNotAllowed, "METHOD_NOT_ALLOWED")));
        Assert.Equal("The address is too long (at most 8192 characters including the query).",
            Message(await ErrorAsync(admin.GetAsync("api/v1/catalog/search?culture=en" + longQuery), RequestUriTooLong, "URI_TOO_LONG")));
        var unreadable = await ErrorAsync(Raw(admin, HttpMethod.Put, $"api/v1/tools/{toolId}?culture=en", "{\"slug\":", "application/json"),
            BadRequest, "VALIDATION_ERROR");
        Assert.StartsWith("The request could not be read", Message(unreadable));
        Assert.Equal("$.slug", unreadable.GetProperty("details").GetProperty("field").GetString());
    }

    private static string? Message(JsonElement error) => error.GetProperty("message").GetString();

    [Fact]
    public async Task An_unexpected_failure_answers_INTERNAL_with_a_correlation_id_and_the_tool_stays_as_it_was()
    {
        var admin = fixture.Admin;
        var toolId = await NewToolAsync();
        var slug = (await admin.ExpectAsync(OK, admin.GetAsync($"api/v1/tools/{toolId}"))).GetProperty("metadata").GetProperty("slug").GetString()!;
        await using var db = fixture.Database.CreateDataSource();
        // A real refusal by PostgreSQL after the grain state is written: the transition must be undone.
        await using (var add = db.CreateCommand("ALTER TABLE tools ADD CONSTRAINT regression_refuse CHECK (title <> 'Databasen vägrar')"))
        {
            await add.ExecuteNonQueryAsync();
        }
        try
        {
            var body = await ErrorAsync(admin.SendAsync(HttpMethod.Put, $"api/v1/tools/{toolId}", ToolRouteWorld.Metadata(slug, "Databasen vägrar")),
                InternalServerError, "INTERNAL");
            var correlation = body.GetProperty("details").GetProperty("correlationId").GetString()!;
            Assert.Contains(correlation, body.GetProperty("message").GetString());
            Assert.DoesNotContain("regression_refuse", body.GetRawText());
            // The host's log line is read from its stdout asynchronously: on a busy machine it may come a moment later.
            await Eventually.UntilAsync(() => fixture.Host.Output.Contains(correlation), TimeSpan.FromSeconds(10));
            var english = await ErrorAsync(admin.SendAsync(HttpMethod.Put, $"api/v1/tools/{toolId}?culture=en", ToolRouteWorld.Metadata(slug, "Databasen vägrar")),
                InternalServerError, "INTERNAL");
            Assert.StartsWith("Something went wrong on our side.", Message(english));
            Assert.Contains(english.GetProperty("details").GetProperty("correlationId").GetString()!, Message(english));
        }
        finally
        {
            await using var drop = db.CreateCommand("ALTER TABLE tools DROP CONSTRAINT regression_refuse");
            await drop.ExecuteNonQueryAsync();
        }
        var after = await admin.ExpectAsync(OK, admin.GetAsync($"api/v1/tools/{toolId}"));
        Assert.NotEqual("Databasen vägrar", after.GetProperty("metadata").GetProperty("title").GetString());
        await admin.ExpectAsync(OK, admin.SendAsync(HttpMethod.Put, $"api/v1/tools/{toolId}", ToolRouteWorld.Metadata(slug, "Fungerar igen")));
    }

    private async Task<Guid> NewToolAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        return ToolRouteWorld.Id(await fixture.Admin.ExpectAsync(Created,
            fixture.Admin.PostAsync("api/v1/tools", ToolRouteWorld.Metadata($"regression-{tag}", $"Regression {tag}"))));
    }

    private static object Metadata(string slug, string summary, string usage) => new
    {
        slug, title = "Längd", summary, usageMarkdown = usage, professions = new[] { "larare" }, categories = new[] { "administration" },
    };

    /// <summary>400 VALIDATION_ERROR whose Swedish message names <paramref name="field"/>.</summary>
    private static async Task RefusedAsync(Task<HttpResponseMessage> call, string field)
    {
        var body = await ErrorAsync(call, BadRequest, "VALIDATION_ERROR");
        Assert.Contains(field, body.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Asserts the status and the error body; returns the body's "error" object.</summary>
    private static async Task<JsonElement> ErrorAsync(Task<HttpResponseMessage> call, HttpStatusCode status, string code)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode} {text}");
        var error = JsonDocument.Parse(text).RootElement.GetProperty("error").Clone();
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        return error;
    }

    private static Task<HttpResponseMessage> Raw(ApiSession session, HttpMethod method, string path, string body, string type) =>
        session.SendRawAsync(new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, type) });
}
