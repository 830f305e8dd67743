using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Api.Tools;

/// <summary>/api/v1/tools: admin list, create, metadata, versions, rollback and catalog flag.</summary>
internal static class ToolEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var tools = api.MapGroup("/tools").WithTags("Verktyg");

        tools.MapGet("/", async (HttpContext http, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<ICatalogGrain>(0).ListToolsAsync(ApiActor.Require(http))))
            .RequireAuthorization(Policies.Admin);

        tools.MapPost("/", async (ToolMetadata metadata, HttpContext http, IGrainFactory grains) =>
        {
            var info = await grains.GetGrain<IToolGrain>(Guid.NewGuid()).CreateAsync(ApiActor.Require(http), metadata, null);
            return Results.Created($"/api/v1/tools/{info.Id}", info);
        }).RequireAuthorization(Policies.Admin);

        tools.MapGet("/{id:guid}", async (Guid id, HttpContext http, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<IToolGrain>(id).GetAsync(ApiActor.Require(http))))
            .RequireAuthorization(Policies.User);

        tools.MapPut("/{id:guid}", async (Guid id, ToolMetadata metadata, HttpContext http, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<IToolGrain>(id).UpdateMetadataAsync(ApiActor.Require(http), metadata)))
            .RequireAuthorization(Policies.Admin);

        tools.MapGet("/{id:guid}/versions", async (Guid id, HttpContext http, IGrainFactory grains) =>
            Results.Ok((await grains.GetGrain<IToolGrain>(id).GetAsync(ApiActor.Require(http))).Versions))
            .RequireAuthorization(Policies.Contributor);

        tools.MapPost("/{id:guid}/versions", async (Guid id, CreateDraftRequest? body, HttpContext http, IGrainFactory grains) =>
        {
            var draft = await grains.GetGrain<IToolGrain>(id).CreateDraftAsync(ApiActor.Require(http), body?.DerivedFrom);
            return Results.Created($"/api/v1/tool-versions/{draft.Id}", draft);
        }).RequireAuthorization(Policies.Contributor);

        tools.MapPost("/{id:guid}/rollback", async (Guid id, RollbackRequest body, HttpContext http, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<IToolGrain>(id).RollbackAsync(ApiActor.Require(http), body.VersionId)))
            .RequireAuthorization(Policies.Superuser);

        tools.MapPost("/{id:guid}/publish", async (Guid id, HttpContext http, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<IToolGrain>(id).PublishAsync(ApiActor.Require(http))))
            .RequireAuthorization(Policies.Admin);

        tools.MapPost("/{id:guid}/depublish", async (Guid id, HttpContext http, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<IToolGrain>(id).DepublishAsync(ApiActor.Require(http))))
            .RequireAuthorization(Policies.Admin);
    }
}
