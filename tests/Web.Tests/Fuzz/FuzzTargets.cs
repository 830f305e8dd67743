using System.Text.Json.Nodes;

namespace Skriptoteket.Web.Tests.Fuzz;

/// <summary>
/// Which real object each route template aims at, which body a route would accept (the start of every mutation),
/// and how to ask afterwards whether that object still answers normally.
/// </summary>
internal sealed class FuzzTargets(FuzzWorld world)
{
    public const string StarterSource = "def run_tool(input_path, output_dir):\n    return '<p>ok</p>'\n";

    /// <summary>The real value of one path parameter; null for routes that must not get a real one.</summary>
    public string? RealValue(FuzzRoute route, string parameter)
    {
        var w = world.Tools;
        var t = route.Template;
        return parameter == "aid" ? "0" : parameter == "userId" ? world.NomineeId.ToString() : t switch
        {
            // A real version or published slug would start a container per request: those routes get invalid ids only.
            _ when t.EndsWith("/run-sandbox") || t.EndsWith("/{slug}/run") => null,
            // Settings are the caller's own, of the published tool by its slug.
            _ when parameter == "slug" && t.EndsWith("/{slug}/settings") => w.Slug,
            // Sessions (docs/adr/0016-tool-sessions.md): the real tool and version, so the grain itself meets every
            // hostile step; none starts a container, as no session of theirs offers a step.
            _ when t.StartsWith("/api/v1/tools/{slug}/session") => w.Slug,
            _ when t.StartsWith("/api/v1/tools/") || t.StartsWith("/api/v1/me/favorites/") => w.ToolId.ToString(),
            _ when t.StartsWith("/api/v1/tool-versions/") => w.DraftToSave.ToString(),
            _ when t.StartsWith("/api/v1/suggestions/") => w.SuggestionId.ToString(),
            _ when t.StartsWith("/api/v1/users/") => world.VictimId.ToString(),
            _ when t.StartsWith("/api/v1/nominations/") => world.NominationId.ToString(),
            _ when t.StartsWith("/api/v1/tool-runs/") || t.StartsWith("/api/v1/my-runs/") => w.RunId.ToString(),
            _ when t.StartsWith("/api/v1/catalog/professions/") => "larare",
            // A real session id would sign the caller out mid-walk: own-session routes get unknown ids only.
            _ when t.StartsWith("/api/v1/me/") => null,
            _ => null,
        };
    }

    /// <summary>The template with each parameter replaced: the given override for one, real (or unknown) values for the rest.</summary>
    public string Url(FuzzRoute route, string? parameter = null, string? value = null) =>
        System.Text.RegularExpressions.Regex.Replace(route.Template.TrimStart('/'), @"\{(\w+)\}", m =>
            m.Groups[1].Value == parameter ? value! : RealValue(route, m.Groups[1].Value) ?? Unknown(m.Groups[1].Value));

    private static string Unknown(string parameter) => parameter == "slug" ? "finns-inte" : Guid.NewGuid().ToString();

    /// <summary>The value a route would accept for a property, by its name; null leaves it to the schema's type.</summary>
    public JsonNode? Baseline(string name, FuzzSchema schema) => name switch
    {
        "baseVersionId" => world.Tools.DraftToSave.ToString(),
        "versionId" => world.Tools.FormerActive.ToString(),
        "derivedFrom" => world.Tools.Active.ToString(),
        "userId" => world.NomineeId.ToString(),
        "professions" => new JsonArray("larare"),
        "categories" => new JsonArray("administration"),
        "slug" => $"fuzz-{Guid.NewGuid():N}"[..20],
        "email" => $"fuzz-{Guid.NewGuid():N}@fuzz.test",
        // Own password change: the caller's real password, changed to itself, so the baseline is accepted.
        "password" or "currentPassword" or "newPassword" => Tools.ToolsApiHostFixture.Password,
        "language" => "sv",
        "displayName" => "Fuzz",
        "role" => "user",
        "kind" => "deny",
        "source" => StarterSource,
        "entrypoint" => "run_tool",
        // A step answering another's finished run: refused as a stale view, never a run.
        "fromRunId" => world.Tools.RunId.ToString(),
        "step" => "nasta",
        "summary" or "usageMarkdown" => "",
        // Settings values: an object by setting name (the fuzzed tool declares none, so {} is what it accepts).
        "values" => new JsonObject(),
        _ when schema.Type == "string" && schema.Format is null && schema.Enum.Count == 0 => "Fuzz",
        _ => null,
    };

    /// <summary>GET requests (as the superuser) that must answer 200 after the route was fuzzed.</summary>
    public IEnumerable<string> Probes(FuzzRoute route)
    {
        var w = world.Tools;
        var t = route.Template;
        if (t.StartsWith("/api/v1/tools"))
        {
            yield return $"api/v1/tools/{w.ToolId}";
        }
        if (t.EndsWith("settings"))
        {
            // By version: other routes' fuzzing renames and depublishes the tool, so its slug may not answer by now.
            yield return $"api/v1/tool-versions/{w.DraftToSave}/sandbox-settings";
        }
        if (t.StartsWith("/api/v1/tool-versions"))
        {
            yield return $"api/v1/tool-versions/{w.DraftToSave}";
        }
        if (t.StartsWith("/api/v1/suggestions"))
        {
            yield return $"api/v1/suggestions/{w.SuggestionId}";
        }
        if (t.StartsWith("/api/v1/users"))
        {
            yield return $"api/v1/users?q={Uri.EscapeDataString(world.VictimEmail)}";
        }
        if (t.StartsWith("/api/v1/nominations"))
        {
            yield return "api/v1/nominations";
        }
        if (t.Contains("/session") && !t.StartsWith("/api/v1/me/"))
        {
            // The version's sandbox session: the tool itself may be unpublished by the fuzzed depublish route meanwhile.
            yield return $"api/v1/tool-versions/{w.DraftToSave}/session";
        }
        if (t.StartsWith("/api/v1/tool-runs") || t.StartsWith("/api/v1/my-runs"))
        {
            yield return $"api/v1/tool-runs/{w.RunId}";
        }
        if (t.StartsWith("/api/v1/me/"))
        {
            yield return "api/v1/me/favorites";
            yield return "api/v1/me/recent-tools";
        }
        if (t.StartsWith("/api/v1/catalog"))
        {
            yield return "api/v1/catalog/professions/larare";
        }
        if (t.StartsWith("/api/v1/me/"))
        {
            yield return "api/v1/me/sessions";
        }
        yield return "api/v1/me";
    }
}
