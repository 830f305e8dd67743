using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Web.Security;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Api.Tools;

/// <summary>/api/v1/tool-versions/{id}: open, save, submit-review, request-changes, publish, export.</summary>
internal static class ToolVersionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var versions = api.MapGroup("/tool-versions/{id:guid}").WithTags("Versioner").RequireAuthorization(Policies.Contributor);

        versions.MapGet("/", async (Guid id, HttpContext http, IGrainFactory grains) =>
            Results.Ok(await (await ToolOfAsync(grains, http, id)).GetVersionAsync(ApiActor.Require(http), id)));

        versions.MapPost("/", async (Guid id, SaveVersionRequest body, HttpContext http, IGrainFactory grains) =>
        {
            if (body.BaseVersionId == Guid.Empty || body.Source is null)
            {
                throw DomainException.Invalid("Ange baseVersionId och source.");
            }
            var tool = await ToolOfAsync(grains, http, id);
            var saved = await tool.SaveAsync(ApiActor.Require(http),
                new SaveVersionCommand(body.BaseVersionId, body.Source, body.Entrypoint, body.ChangeSummary));
            return Results.Created($"/api/v1/tool-versions/{saved.Id}", saved);
        });

        versions.MapPost("/submit-review", async (Guid id, ReviewNoteRequest? body, HttpContext http, IGrainFactory grains) =>
            Results.Ok(await (await ToolOfAsync(grains, http, id)).SubmitForReviewAsync(ApiActor.Require(http), id, body?.ReviewNote)));

        versions.MapPost("/request-changes", async (Guid id, ReviewNoteRequest? body, HttpContext http, IGrainFactory grains) =>
            Results.Ok(await (await ToolOfAsync(grains, http, id)).RequestChangesAsync(ApiActor.Require(http), id, body?.ReviewNote)))
            .RequireAuthorization(Policies.Admin);

        versions.MapPost("/publish", async (Guid id, HttpContext http, IGrainFactory grains) =>
            Results.Ok(await (await ToolOfAsync(grains, http, id)).PublishVersionAsync(ApiActor.Require(http), id)))
            .RequireAuthorization(Policies.Admin);

        versions.MapGet("/export", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var tool = await ToolOfAsync(grains, http, id);
            var actor = ApiActor.Require(http);
            var version = await tool.GetVersionAsync(actor, id);
            var info = await tool.GetAsync(actor);
            var zip = VersionExport.CreateZip(info, version);
            return Results.File(zip, "application/zip", $"{info.Metadata.Slug}-v{version.Header.Number}.zip");
        });
    }

    /// <summary>The tool grain owning a version; an unknown version is NOT_FOUND like a hidden one.</summary>
    private static async Task<IToolGrain> ToolOfAsync(IGrainFactory grains, HttpContext http, Guid versionId) =>
        await grains.GetGrain<ICatalogGrain>(0).FindToolOfVersionAsync(ApiActor.Require(http), versionId) is { } toolId
            ? grains.GetGrain<IToolGrain>(toolId)
            : throw DomainException.NotFound("Versionen");
}
