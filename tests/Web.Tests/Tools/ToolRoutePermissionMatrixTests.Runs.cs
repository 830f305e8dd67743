using System.Text.Json;
using static System.Net.HttpStatusCode;
using static Skriptoteket.Web.Tests.Tools.Who;

namespace Skriptoteket.Web.Tests.Tools;

/// <summary>The matrix's rows for what a person runs: settings, runs and tool sessions.</summary>
public sealed partial class ToolRoutePermissionMatrixTests
{
    /// <summary>Settings are always the caller's own: a published tool's for every user, a version's sandbox ones for who may test it.</summary>
    private static async Task SettingsAsync(RouteMatrix m, ToolRouteWorld w)
    {
        await m.CheckAsync("GET tools/{slug}/settings", m.Allowed(User, OK), s => s.GetAsync($"api/v1/tools/{w.Slug}/settings"));
        await m.CheckAsync("PUT tools/{slug}/settings", m.Allowed(User, OK),
            s => s.SendAsync(HttpMethod.Put, $"api/v1/tools/{w.Slug}/settings", new { values = new { } }));
        await m.CheckAsync("GET tools/{unpublished slug}/settings", m.Nobody(User), s => s.GetAsync($"api/v1/tools/{w.Slug}-dold/settings"));
        await m.CheckAsync("PUT tools/{unknown slug}/settings", m.Nobody(User),
            s => s.SendAsync(HttpMethod.Put, $"api/v1/tools/{w.Slug}-finns-inte/settings", new { values = new { } }));
        await m.CheckAsync("GET tool-versions/{other's draft}/sandbox-settings", m.Hidden(Contributor, Maintainer, OK),
            s => s.GetAsync($"api/v1/tool-versions/{w.DraftToSubmit}/sandbox-settings"));
        await m.CheckAsync("PUT tool-versions/{other's draft}/sandbox-settings", m.Hidden(Contributor, Maintainer, OK),
            s => s.SendAsync(HttpMethod.Put, $"api/v1/tool-versions/{w.DraftToSubmit}/sandbox-settings", new { values = new { } }));
        await m.CheckAsync("GET tool-versions/{unknown}/sandbox-settings", m.Nobody(Contributor),
            s => s.GetAsync($"api/v1/tool-versions/{Guid.NewGuid()}/sandbox-settings"));
    }

    private static async Task RunsAsync(RouteMatrix m, ToolRouteWorld w)
    {
        var other = await m.CheckAsync("GET tool-runs/{other's}", m.Hidden(User, Admin, OK), s => s.GetAsync($"api/v1/tool-runs/{w.RunId}"));
        m.Holds("admins see another's run with its logs", m.Can(Admin), Text(other, "stdout").Contains(ToolRouteWorld.StdoutMarker));
        await m.CheckAsync("GET tool-runs/{other's}/artifacts/0", m.Hidden(User, Admin, OK), s => s.GetAsync($"api/v1/tool-runs/{w.RunId}/artifacts/0"));
        // The run is finished: whoever may see it is refused as a conflict, the others learn nothing.
        await m.CheckAsync("POST tool-runs/{other's, finished}/cancel", m.Hidden(User, Admin, Conflict), s => s.PostAsync($"api/v1/tool-runs/{w.RunId}/cancel"));
        await m.CheckAsync("GET my-runs/{other's}", m.Nobody(User), s => s.GetAsync($"api/v1/my-runs/{w.RunId}"));
        await m.CheckAsync("GET tool-runs/{unknown}", m.Nobody(User), s => s.GetAsync($"api/v1/tool-runs/{Guid.NewGuid()}"));
        await m.CheckAsync("POST tools/{unknown slug}/run", m.Nobody(User), s => s.PostFileAsync($"api/v1/tools/{w.Slug}-finns-inte/run", "a.csv", "x"));
        await m.CheckAsync("POST tools/{unpublished slug}/run", m.Nobody(User), s => s.PostFileAsync($"api/v1/tools/{w.Slug}-dold/run", "a.csv", "x"));

        var started = await m.CheckAsync("POST tools/{slug}/run", m.Allowed(User, Accepted), s => s.PostFileAsync($"api/v1/tools/{w.Slug}/run", "elever.csv", "namn\nAda"));
        var own = started.ValueKind == JsonValueKind.Object ? started.GetProperty("runId").GetGuid() : w.RunId;
        if (started.ValueKind == JsonValueKind.Object)
        {
            var run = await m.WaitForFinishedAsync(own);
            m.Holds("the own production run succeeded", true, Text(run, "status") == "succeeded");
            m.Holds("logs of an own production run only for admins", true,
                Text(run, "stdout").Contains(ToolRouteWorld.StdoutMarker) == m.Can(Admin));
        }
        await m.CheckAsync("GET tool-runs/{own}", m.Allowed(User, OK), s => s.GetAsync($"api/v1/tool-runs/{own}"));
        await m.CheckAsync("GET tool-runs/{own}/artifacts/0", m.Allowed(User, OK), s => s.GetAsync($"api/v1/tool-runs/{own}/artifacts/0"));
        var mine = Ids(await m.CheckAsync("GET my-runs", m.Allowed(User, OK), s => s.GetAsync("api/v1/my-runs")), "runId");
        m.Holds("my-runs has the own run and not another's", m.Can(User), mine.Contains(own) && !mine.Contains(w.RunId));
        await m.CheckAsync("GET my-runs/{own}", m.Allowed(User, OK), s => s.GetAsync($"api/v1/my-runs/{own}"));

        var slow = await m.CheckAsync("POST tools/{slug}/run (slow)", m.Allowed(User, Accepted), s => s.PostFileAsync($"api/v1/tools/{w.Slug}/run", "langsam.txt", "langsam"));
        var slowId = slow.ValueKind == JsonValueKind.Object ? slow.GetProperty("runId").GetGuid() : w.RunId;
        var canceled = await m.CheckAsync("POST tool-runs/{own, running}/cancel", m.Allowed(User, OK), s => s.PostAsync($"api/v1/tool-runs/{slowId}/cancel"));
        m.Holds("the own run is canceled", m.Can(User), Text(canceled, "status") == "canceled");
    }

    /// <summary>
    /// Tool sessions (docs/adr/0016-tool-sessions.md): every route reaches the caller's own session only, so another's
    /// run can never be answered with a step (a stale view, 409) and nothing of another's session shows. Sandbox
    /// sessions need the right to run the version (its maintainers and admins); other contributors learn nothing.
    /// </summary>
    private static async Task SessionsAsync(RouteMatrix m, ToolRouteWorld w)
    {
        var session = await m.CheckAsync("GET tools/{slug}/session", m.Allowed(User, OK), s => s.GetAsync($"api/v1/tools/{w.Slug}/session"));
        m.Holds("the caller's own session with the tool is not open (another's run opens nothing for them)", m.Can(User),
            session.ValueKind == JsonValueKind.Object && !session.GetProperty("open").GetBoolean());
        await m.CheckAsync("GET tools/{unknown slug}/session", m.Nobody(User), s => s.GetAsync($"api/v1/tools/{w.Slug}-finns-inte/session"));
        await m.CheckAsync("GET tools/{unpublished slug}/session", m.Nobody(User), s => s.GetAsync($"api/v1/tools/{w.Slug}-dold/session"));
        var forged = new { fromRunId = w.RunId, step = "nasta", values = new { }, startKey = Guid.NewGuid().ToString("N") };
        await m.CheckAsync("POST tools/{slug}/session/steps (another's run)", m.Allowed(User, Conflict),
            s => s.PostAsync($"api/v1/tools/{w.Slug}/session/steps", forged));
        await m.CheckAsync("POST tools/{slug}/session/steps (no step named)", m.Allowed(User, BadRequest),
            s => s.PostAsync($"api/v1/tools/{w.Slug}/session/steps", new { fromRunId = w.RunId }));
        await m.CheckAsync("DELETE tools/{slug}/session", m.Allowed(User, OK), s => s.SendAsync(HttpMethod.Delete, $"api/v1/tools/{w.Slug}/session"));

        await m.CheckAsync("GET tool-versions/{active}/session", m.Hidden(Contributor, Maintainer, OK), s => s.GetAsync($"api/v1/tool-versions/{w.Active}/session"));
        await m.CheckAsync("POST tool-versions/{active}/session/steps (another's run)", m.Hidden(Contributor, Maintainer, Conflict),
            s => s.PostAsync($"api/v1/tool-versions/{w.Active}/session/steps", forged));
        await m.CheckAsync("DELETE tool-versions/{active}/session", m.Hidden(Contributor, Maintainer, OK),
            s => s.SendAsync(HttpMethod.Delete, $"api/v1/tool-versions/{w.Active}/session"));
        await m.CheckAsync("GET tool-versions/{unknown}/session", m.Nobody(Contributor), s => s.GetAsync($"api/v1/tool-versions/{Guid.NewGuid()}/session"));
    }
}
