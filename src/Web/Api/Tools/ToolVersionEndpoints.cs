using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
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
        versions.MapGet("/", GetAsync).WithSummary("En version med källkod (författaren och administratörer).");
        versions.MapPost("/", SaveAsync).WithSummary("Spara: en ny version utgående från baseVersionId.");
        versions.MapPost("/submit-review", SubmitAsync).WithSummary("Skicka ett utkast till granskning.");
        versions.MapPost("/request-changes", RequestChangesAsync).RequireAuthorization(Policies.Admin)
            .WithSummary("Begär ändringar: versionen arkiveras och ett nytt utkast skapas åt författaren.");
        versions.MapPost("/publish", PublishAsync).RequireAuthorization(Policies.Admin).WithSummary("Publicera en granskad version (examplesNote krävs när exempel ändrats, misslyckats eller körs).");
        versions.MapGet("/export", ExportAsync).WithSummary("Versionen som zip-fil (skript, inputs.json, metadata.json).");
        versions.MapPost("/import", ImportAsync)
            .WithSummary("Spara en exporterad zip-fil (multipart, delen file) som ny version utgående från denna.");
    }

    private static async Task<Ok<ToolVersion>> GetAsync(Guid id, HttpContext http, IGrainFactory grains)
    {
        var (tool, actor) = await ToolOfAsync(grains, http, id);
        return TypedResults.Ok(await tool.GetVersionAsync(actor, id));
    }

    private static async Task<Created<ToolVersionHeader>> SaveAsync(Guid id, SaveVersionRequest body, HttpContext http, IGrainFactory grains)
    {
        if (body.BaseVersionId == Guid.Empty || body.Source is null)
        {
            throw DomainException.Invalid("Ange baseVersionId och source.", "Api.SaveParts");
        }
        var (tool, actor) = await ToolOfAsync(grains, http, id);
        var saved = await tool.SaveAsync(actor, new SaveVersionCommand(body.BaseVersionId, body.Source, body.Entrypoint, body.ChangeSummary, body.Inputs));
        return TypedResults.Created($"/api/v1/tool-versions/{saved.Id}", saved);
    }

    private static async Task<Ok<ToolVersionHeader>> SubmitAsync(Guid id, ReviewNoteRequest? body, HttpContext http, IGrainFactory grains)
    {
        var (tool, actor) = await ToolOfAsync(grains, http, id);
        return TypedResults.Ok(await tool.SubmitForReviewAsync(actor, id, body?.ReviewNote));
    }

    private static async Task<Ok<ToolVersionHeader>> RequestChangesAsync(Guid id, ReviewNoteRequest? body, HttpContext http, IGrainFactory grains)
    {
        var (tool, actor) = await ToolOfAsync(grains, http, id);
        return TypedResults.Ok(await tool.RequestChangesAsync(actor, id, body?.ReviewNote));
    }

    private static async Task<Ok<ToolVersionHeader>> PublishAsync(Guid id, PublishVersionRequest? body, HttpContext http, IGrainFactory grains)
    {
        var (tool, actor) = await ToolOfAsync(grains, http, id);
        return TypedResults.Ok(await tool.PublishVersionAsync(actor, id, body?.ExamplesNote));
    }

    private static async Task<FileContentHttpResult> ExportAsync(Guid id, HttpContext http, IGrainFactory grains)
    {
        var (tool, actor) = await ToolOfAsync(grains, http, id);
        var version = await tool.GetVersionAsync(actor, id);
        var info = await tool.GetAsync(actor);
        var zip = VersionExport.CreateZip(info, version);
        return TypedResults.File(zip, "application/zip", $"{info.Metadata.Slug}-v{version.Header.Number}.zip");
    }

    private static async Task<IResult> ImportAsync(Guid id, HttpContext http, IGrainFactory grains)
    {
        IFormFile? file = null;
        try
        {
            file = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync()).Files.GetFile("file") : null;
        }
        catch (InvalidDataException)
        {
            // A malformed multipart body: refused below like a missing file.
        }
        if (file is null || file.Length == 0 || file.Length > VersionImport.MaxZipBytes)
        {
            throw DomainException.Invalid($"Skicka zip-filen som multipart-delen \"file\" (högst {VersionImport.MaxZipBytes / (1024 * 1024)} MB).",
                "Api.ZipPart", (VersionImport.MaxZipBytes / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        var (tool, actor) = await ToolOfAsync(grains, http, id);
        var saved = await tool.SaveAsync(actor, VersionImport.Read(buffer.ToArray(), id, $"Importerad från {Path.GetFileName(file.FileName)}"));
        return TypedResults.Created($"/api/v1/tool-versions/{saved.Id}", saved);
    }

    /// <summary>The tool grain owning a version, with the acting user; an unknown version is NOT_FOUND like a hidden one.</summary>
    private static async Task<(IToolGrain Tool, ActingUser Actor)> ToolOfAsync(IGrainFactory grains, HttpContext http, Guid versionId)
    {
        var actor = ApiActor.Require(http);
        return await grains.GetGrain<ICatalogGrain>(0).FindToolOfVersionAsync(actor, versionId) is { } toolId
            ? (grains.GetGrain<IToolGrain>(toolId), actor)
            : throw DomainException.NotFound("Versionen");
    }
}
