using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Api.Tools;

/// <summary>/api/v1/tools: admin list, create, metadata, versions, rollback, catalog flag and maintainers; /api/v1/my-tools.</summary>
internal static class ToolEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var tools = api.MapGroup("/tools").WithTags("Verktyg");
        tools.MapGet("/", ListAsync).RequireAuthorization(Policies.Admin).WithSummary("Alla verktyg (administratörer); q söker i titel, sammanfattning och slug som katalogsökningen.");
        tools.MapPost("/", CreateAsync).RequireAuthorization(Policies.Admin).WithSummary("Skapa ett verktyg.");
        tools.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.User).WithSummary("Ett verktyg med dess versioner.");
        tools.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(Policies.Admin).WithSummary("Ändra ett verktygs uppgifter.");
        tools.MapGet("/{id:guid}/versions", VersionsAsync).RequireAuthorization(Policies.Contributor)
            .WithSummary("Versionerna den inloggade får se.");
        tools.MapPost("/{id:guid}/versions", CreateDraftAsync).RequireAuthorization(Policies.Contributor)
            .WithSummary("Nytt utkast, från startskriptet eller från en version.");
        tools.MapPost("/{id:guid}/rollback", RollbackAsync).RequireAuthorization(Policies.Superuser)
            .WithSummary("Gör en tidigare version aktiv igen (superanvändare).");
        tools.MapPost("/{id:guid}/publish", PublishAsync).RequireAuthorization(Policies.Admin).WithSummary("Visa verktyget i katalogen.");
        tools.MapPost("/{id:guid}/depublish", DepublishAsync).RequireAuthorization(Policies.Admin).WithSummary("Ta bort verktyget ur katalogen.");
        tools.MapPost("/{id:guid}/maintainers", AddMaintainerAsync).RequireAuthorization(Policies.Admin)
            .WithSummary("Gör en aktiv bidragsgivare till underhållare av verktyget (administratörer).");
        tools.MapDelete("/{id:guid}/maintainers/{userId:guid}", RemoveMaintainerAsync).RequireAuthorization(Policies.Admin)
            .WithSummary("Ta bort en underhållare från verktyget (administratörer).");
        api.MapGet("/my-tools", MyToolsAsync).RequireAuthorization(Policies.Contributor).WithTags("Verktyg")
            .WithSummary("Verktygen den inloggade underhåller (Mina verktyg).");
    }

    private static async Task<Ok<ToolInfo>> AddMaintainerAsync(Guid id, AddMaintainerRequest body, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IToolGrain>(id).AddMaintainerAsync(ApiActor.Require(http), body.UserId));

    private static async Task<Ok<ToolInfo>> RemoveMaintainerAsync(Guid id, Guid userId, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IToolGrain>(id).RemoveMaintainerAsync(ApiActor.Require(http), userId));

    private static async Task<Ok<IReadOnlyList<AdminToolRow>>> MyToolsAsync(HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICatalogGrain>(0).ListMyToolsAsync(ApiActor.Require(http)));

    private static async Task<Ok<IReadOnlyList<AdminToolRow>>> ListAsync(string? q, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICatalogGrain>(0).SearchToolsAsync(ApiActor.Require(http), q));

    private static async Task<Created<ToolInfo>> CreateAsync(ToolMetadata metadata, HttpContext http, IGrainFactory grains)
    {
        var info = await grains.GetGrain<IToolGrain>(Guid.NewGuid()).CreateAsync(ApiActor.Require(http), metadata, null);
        return TypedResults.Created($"/api/v1/tools/{info.Id}", info);
    }

    private static async Task<Ok<ToolInfo>> GetAsync(Guid id, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IToolGrain>(id).GetAsync(ApiActor.Require(http)));

    private static async Task<Ok<ToolInfo>> UpdateAsync(Guid id, ToolMetadata metadata, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IToolGrain>(id).UpdateMetadataAsync(ApiActor.Require(http), metadata));

    private static async Task<Ok<IReadOnlyList<ToolVersionHeader>>> VersionsAsync(Guid id, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok((await grains.GetGrain<IToolGrain>(id).GetAsync(ApiActor.Require(http))).Versions);

    private static async Task<Created<ToolVersionHeader>> CreateDraftAsync(Guid id, CreateDraftRequest? body, HttpContext http, IGrainFactory grains)
    {
        var draft = await grains.GetGrain<IToolGrain>(id).CreateDraftAsync(ApiActor.Require(http), body?.DerivedFrom);
        return TypedResults.Created($"/api/v1/tool-versions/{draft.Id}", draft);
    }

    private static async Task<Ok<ToolVersionHeader>> RollbackAsync(Guid id, RollbackRequest body, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IToolGrain>(id).RollbackAsync(ApiActor.Require(http), body.VersionId));

    private static async Task<Ok<ToolInfo>> PublishAsync(Guid id, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IToolGrain>(id).PublishAsync(ApiActor.Require(http)));

    private static async Task<Ok<ToolInfo>> DepublishAsync(Guid id, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IToolGrain>(id).DepublishAsync(ApiActor.Require(http)));
}
