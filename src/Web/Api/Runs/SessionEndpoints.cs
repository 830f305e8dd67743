using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Sessions;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Api.Runs;

/// <summary>
/// JSON API of tool sessions (docs/adr/0016-tool-sessions.md): a teacher's session with a published tool, and an
/// author's sandbox session with a version. Only the caller's own session is ever reached (the grain checks it).
/// </summary>
public static class SessionEndpoints
{
    public static RouteGroupBuilder MapSessionEndpoints(this RouteGroupBuilder api)
    {
        var tool = api.MapGroup("tools/{slug}/session").WithTags("Sessioner").RequireAuthorization(Policies.User);
        tool.MapGet("/", GetAsync).WithSummary("Din session med verktyget: körningarna hittills, stegen som erbjuds och filerna som sparas mellan stegen.");
        tool.MapPost("/steps", TakeStepAsync)
            .WithSummary("Ta ett erbjudet steg: fromRunId (körningen vars erbjudande steget svarar på), step, values, startKey. 202 med stegets körning; 409 om vyn är gammal.");
        tool.MapDelete("/", ClearAsync).WithSummary("Börja om: avslutar sessionen och tar bort dess filer.");
        var sandbox = api.MapGroup("tool-versions/{id:guid}/session").WithTags("Sessioner").RequireAuthorization(Policies.Contributor);
        sandbox.MapGet("/", GetSandboxAsync).WithSummary("Din provkörningssession med versionen.");
        sandbox.MapPost("/steps", TakeSandboxStepAsync)
            .WithSummary("Ta ett steg i provkörningen (som för verktyget; source och entrypoint kör redigerarens osparade text).");
        sandbox.MapDelete("/", ClearSandboxAsync).WithSummary("Börja om provkörningens session.");
        return api;
    }

    private static async Task<Ok<SessionResponse>> GetAsync(string slug, HttpContext http, IGrainFactory grains)
    {
        var (user, session) = await ToolSessionAsync(slug, http, grains);
        return TypedResults.Ok(SessionResponse.From(await session.GetAsync(user)));
    }

    private static async Task<IResult> TakeStepAsync(string slug, StepRequestBody body, HttpContext http, IGrainFactory grains)
    {
        var (user, session) = await ToolSessionAsync(slug, http, grains);
        return await StepAsync(user, session, body with { Source = null, Entrypoint = null }, grains);
    }

    private static async Task<Ok<SessionResponse>> ClearAsync(string slug, HttpContext http, IGrainFactory grains)
    {
        var (user, session) = await ToolSessionAsync(slug, http, grains);
        return TypedResults.Ok(SessionResponse.From(await session.ClearAsync(user)));
    }

    private static async Task<Ok<SessionResponse>> GetSandboxAsync(Guid id, HttpContext http, IGrainFactory grains)
    {
        var user = ApiActor.Require(http);
        return TypedResults.Ok(SessionResponse.From(await SandboxSession(grains, id, user).GetAsync(user)));
    }

    private static Task<IResult> TakeSandboxStepAsync(Guid id, StepRequestBody body, HttpContext http, IGrainFactory grains)
    {
        var user = ApiActor.Require(http);
        return StepAsync(user, SandboxSession(grains, id, user), body, grains);
    }

    private static async Task<Ok<SessionResponse>> ClearSandboxAsync(Guid id, HttpContext http, IGrainFactory grains)
    {
        var user = ApiActor.Require(http);
        return TypedResults.Ok(SessionResponse.From(await SandboxSession(grains, id, user).ClearAsync(user)));
    }

    private static async Task<IResult> StepAsync(ActingUser user, IToolSessionGrain session, StepRequestBody body, IGrainFactory grains)
    {
        var request = ToRequest(body);
        var taken = await session.TakeStepAsync(user, request);
        // A retried request answers with the run its key named, even when later steps have run since.
        var runId = request.StartKey is { } key ? RunStartKey.RunIdFor(user.UserId, key) : taken.LatestRunId!.Value;
        var run = await grains.GetGrain<IRunGrain>(runId).GetAsync(user);
        return Results.Accepted($"/api/v1/tool-runs/{run.RunId}", RunResponse.From(run));
    }

    /// <summary>The body as the grain's request; what is missing or of the wrong shape is refused here with a Swedish message.</summary>
    internal static StepRequest ToRequest(StepRequestBody body)
    {
        if (body.FromRunId == Guid.Empty || string.IsNullOrWhiteSpace(body.Step))
        {
            throw DomainException.Invalid("Ange fromRunId (körningen vars steg du svarar på) och step (stegets namn).", "Session.StepRequestIncomplete");
        }
        var values = body.Values is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } v ? v.GetRawText() : "{}";
        return new StepRequest(body.FromRunId, body.Step, values, body.StartKey, body.Source, body.Entrypoint);
    }

    private static async Task<(ActingUser User, IToolSessionGrain Session)> ToolSessionAsync(string slug, HttpContext http, IGrainFactory grains)
    {
        var user = ApiActor.Require(http);
        var tool = await grains.GetGrain<ICatalogGrain>(0).FindPublishedToolAsync(slug) ?? throw DomainException.NotFound("Verktyget");
        return (user, grains.GetGrain<IToolSessionGrain>(ToolSessionKey.Production(tool.Id, user.UserId)));
    }

    private static IToolSessionGrain SandboxSession(IGrainFactory grains, Guid versionId, ActingUser user) =>
        grains.GetGrain<IToolSessionGrain>(ToolSessionKey.Sandbox(versionId, user.UserId));
}
