using System.Text.Json;

namespace Skriptoteket.Web.Tests.Tools;

/// <summary>The app serves its OpenAPI document, and it lists the tools area's endpoints.</summary>
public sealed class OpenApiDocumentTests(PlainHostFixture fixture) : IClassFixture<PlainHostFixture>
{
    [Fact]
    public async Task Openapi_document_lists_the_tools_versions_suggestions_catalog_and_my_tools_endpoints()
    {
        using var response = await fixture.Host.Http.GetAsync("openapi/v1.json");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");

        using var document = JsonDocument.Parse(body);
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        string[] expected =
        [
            "/api/v1/tools", "/api/v1/tools/{id}", "/api/v1/tools/{id}/versions", "/api/v1/tools/{id}/rollback",
            "/api/v1/tools/{id}/publish", "/api/v1/tools/{id}/depublish", "/api/v1/tool-versions/{id}",
            "/api/v1/tool-versions/{id}/submit-review", "/api/v1/tool-versions/{id}/request-changes",
            "/api/v1/tool-versions/{id}/publish", "/api/v1/tool-versions/{id}/export", "/api/v1/suggestions",
            "/api/v1/suggestions/{id}", "/api/v1/suggestions/{id}/decision", "/api/v1/catalog/professions",
            "/api/v1/catalog/professions/{slug}", "/api/v1/catalog/search", "/api/v1/tools/{id}/examples",
            "/api/v1/tools/{id}/examples/{exampleId}/try", "/api/v1/tool-versions/{id}/example-checks",
            "/api/v1/me/favorites", "/api/v1/me/favorites/{id}", "/api/v1/me/recent-tools",
            "/api/v1/me", "/api/v1/me/password", "/api/v1/me/sessions", "/api/v1/me/sessions/{id}",
            "/api/v1/me/sessions/end-others", "/api/v1/users/{id}/password",
            "/api/v1/tools/{id}/maintainers", "/api/v1/tools/{id}/maintainers/{userId}", "/api/v1/my-tools",
            "/api/v1/tools/{id}/insights", "/api/v1/insights",
            "/api/v1/tools/{slug}/settings", "/api/v1/tool-versions/{id}/sandbox-settings", "/api/v1/tools/{slug}/session",
            "/api/v1/tools/{slug}/session/steps", "/api/v1/tool-versions/{id}/session", "/api/v1/tool-versions/{id}/session/steps",
        ];
        Assert.All(expected, path => Assert.Contains(path, paths));
    }

    [Fact]
    public async Task Openapi_document_holds_only_the_api_with_summaries_and_the_required_fields_validation_enforces()
    {
        using var document = JsonDocument.Parse(await fixture.Host.Http.GetStringAsync("openapi/v1.json"));
        var root = document.RootElement;
        var operations = root.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value))).ToList();

        // The dashboard, the account forms and the culture switch are internal to the pages.
        Assert.All(operations, o => Assert.StartsWith("/api/v1/", o.Path));
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(
            o.Operation.TryGetProperty("summary", out var summary) ? summary.GetString() : null), $"{o.Method} {o.Path} has no summary"));
        var schemas = root.GetProperty("components").GetProperty("schemas");
        Assert.Equal(["categories", "professions", "slug", "summary", "title", "usageMarkdown"], Required(schemas, "ToolMetadata"));
        Assert.Equal(["kind", "rationale"], Required(schemas, "SuggestionDecisionRequest"));
        Assert.Equal(["baseVersionId", "source"], Required(schemas, "SaveVersionRequest"));
        Assert.Equal(["rationale", "userId"], Required(schemas, "NominateRequest"));
        Assert.Equal(["currentPassword", "newPassword"], Required(schemas, "ChangePasswordRequest"));
        Assert.Equal(["password"], Required(schemas, "SetPasswordRequest"));
        Assert.Equal(["userId"], Required(schemas, "AddMaintainerRequest"));
        Assert.Equal(["fromRunId", "step"], Required(schemas, "StepRequestBody"));
        // A worked example's follow-up steps (docs/adr/0012-worked-examples.md, "Examples with steps").
        Assert.True(schemas.GetProperty("AddExampleRequest").GetProperty("properties").TryGetProperty("steps", out _));
        Assert.Equal(["step", "values"], schemas.GetProperty("ExampleStepRequest").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task The_run_starts_describe_their_idempotency_key_header()
    {
        using var document = JsonDocument.Parse(await fixture.Host.Http.GetStringAsync("openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/tools/{slug}/run", "/api/v1/tool-versions/{id}/run-sandbox", "/api/v1/tools/{id}/examples/{exampleId}/try" })
        {
            var parameters = paths.GetProperty(path).GetProperty("post").GetProperty("parameters").EnumerateArray();
            Assert.Contains(parameters, p => p.GetProperty("name").GetString() == "Idempotency-Key" && p.GetProperty("in").GetString() == "header");
        }
    }

    [Fact]
    public async Task The_document_describes_a_run_as_the_api_answers_with_it()
    {
        using var document = JsonDocument.Parse(await fixture.Host.Http.GetStringAsync("openapi/v1.json"));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var run = schemas.GetProperty("RunResponse");

        string[] properties =
        [
            "runId", "kind", "status", "isFinished", "toolId", "versionId", "requestedBy", "queuePosition", "html", "stdout",
            "stderr", "errorSummary", "outputTruncated", "artifacts", "skippedArtifacts", "inputs", "createdAt", "startedAt",
            "finishedAt", "silo", "blocks", "blocksTruncated", "errorDetail", "sessionKey", "stepName",
        ];
        Assert.Equal(properties, run.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["artifacts", "blocks", "blocksTruncated", "createdAt", "html", "inputs", "isFinished", "kind", "outputTruncated",
            "requestedBy", "runId", "skippedArtifacts", "status", "stderr", "stdout", "toolId", "versionId"], Required(schemas, "RunResponse"));
        Assert.Equal(["queued", "running", "succeeded", "failed", "timed_out", "canceled", "interrupted"], EnumValues(schemas, run, "status"));
        Assert.Equal(["sandbox", "production", "example_check"], EnumValues(schemas, run, "kind"));
    }

    /// <summary>The values a property's enum schema lists (the schema is referenced from components).</summary>
    private static IEnumerable<string> EnumValues(JsonElement schemas, JsonElement owner, string property)
    {
        var reference = owner.GetProperty("properties").GetProperty(property).GetProperty("$ref").GetString()!;
        return schemas.GetProperty(reference.Split('/')[^1]).GetProperty("enum").EnumerateArray().Select(v => v.GetString()!);
    }

    private static string[] Required(JsonElement schemas, string name) =>
        [.. schemas.GetProperty(name).GetProperty("required").EnumerateArray().Select(r => r.GetString()!).Order()];

    [Fact]
    public async Task Home_lists_the_professions_from_the_allowlist()
    {
        var html = await fixture.Host.Http.GetStringAsync("/");

        foreach (var slug in new[] { "larare", "specialpedagog", "skoladministrator", "rektor", "gemensamt" })
        {
            Assert.Contains($"href=\"/professions/{slug}\"", html);
        }
    }
}
