using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Web.Runs;
using Skriptoteket.Web.Security;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Web.Api.Runs;

/// <summary>
/// What the output blocks of a run offer besides the page: a table as xlsx or csv (made here from the stored
/// block) and an image block's artifact shown inline. Same access as the run itself (its requester, admins).
/// </summary>
public static class RunOutputEndpoints
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapRunOutputEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("tool-runs/{id:guid}/tables/{index:int}/{format}", DownloadTableAsync).RequireAuthorization(Policies.User)
            .WithTags("Körningar").WithSummary("Ladda ned en tabell ur resultatet som xlsx eller csv (format: xlsx | csv).");
        api.MapGet("tool-runs/{id:guid}/images/{aid:int}", ShowImageAsync).RequireAuthorization(Policies.User)
            .WithTags("Körningar").WithSummary("En bild ur resultatet (bara filer som ett bildblock visar och som är PNG, JPEG, GIF eller WebP).");
        return api;
    }

    /// <summary>Where the page links a table's download.</summary>
    public static string TableUrl(Guid runId, int blockIndex, string format) => $"/api/v1/tool-runs/{runId}/tables/{blockIndex}/{format}";

    /// <summary>Where the page loads an image block's file.</summary>
    public static string ImageUrl(Guid runId, int artifactId) => $"/api/v1/tool-runs/{runId}/images/{artifactId}";

    private static async Task<IResult> DownloadTableAsync(Guid id, int index, string format, HttpContext http, IGrainFactory grains)
    {
        var run = await grains.GetGrain<IRunGrain>(id).GetAsync(ApiActor.Require(http));
        var blocks = run.Output.Blocks;
        if (index < 0 || index >= blocks.Count || blocks[index].Kind != OutputBlockKind.Table)
        {
            return ApiResults.Refuse(http, ErrorCode.NotFound, "TableMissing");
        }
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return format switch
        {
            "xlsx" => TypedResults.File(TableExport.ToXlsx(blocks[index]), XlsxType, TableExport.FileName(blocks[index], index, "xlsx")),
            "csv" => TypedResults.File(TableExport.ToCsv(blocks[index]), "text/csv; charset=utf-8", TableExport.FileName(blocks[index], index, "csv")),
            _ => ApiResults.Refuse(http, ErrorCode.Validation, "TableFormat"),
        };
    }

    private static async Task<IResult> ShowImageAsync(Guid id, int aid, HttpContext http, IGrainFactory grains)
    {
        var user = ApiActor.Require(http);
        var grain = grains.GetGrain<IRunGrain>(id);
        var run = await grain.GetAsync(user);
        var artifact = run.Output.Artifacts.FirstOrDefault(a => a.Id == aid);
        // Only files the script chose to show as an image block; anything else stays a download.
        if (artifact is null || !run.Output.Blocks.Any(b => b.Kind == OutputBlockKind.Image && b.Artifact == artifact.Name))
        {
            return ApiResults.Refuse(http, ErrorCode.NotFound, "ImageMissing");
        }
        var file = await grain.GetArtifactAsync(user, aid);
        if (ImageType(file.Content) is not { } contentType)
        {
            return ApiResults.Refuse(http, ErrorCode.NotFound, "NotAnImage");
        }
        // The bytes come from an untrusted script: only the sniffed raster types, never rendered as anything else.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        http.Response.Headers.CacheControl = "private, max-age=3600";
        return TypedResults.File(file.Content, contentType);
    }

    /// <summary>The content type from the file's first bytes (PNG, JPEG, GIF, WebP), not from its name.</summary>
    internal static string? ImageType(ReadOnlySpan<byte> b) =>
        b.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) ? "image/png"
        : b.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }) ? "image/jpeg"
        : b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8) ? "image/gif"
        : b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;
}
