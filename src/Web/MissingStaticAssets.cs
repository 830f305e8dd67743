using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.Logging;

namespace Skriptoteket.Web;

/// <summary>
/// MapStaticAssets answers 200 with an empty body when the build's asset manifest names a file that the web
/// root lacks: that is how a wrong content root showed up as an unstyled app that never became interactive.
/// Such a request answers 404 instead, and the host logs the missing file as an error.
/// </summary>
internal static class MissingStaticAssets
{
    public static StaticAssetsEndpointConventionBuilder AnswerNotFoundWhenMissing(
        this StaticAssetsEndpointConventionBuilder assets, IWebHostEnvironment environment, ILogger logger)
    {
        assets.Add(endpoint =>
        {
            var asset = endpoint.Metadata.OfType<StaticAssetDescriptor>().FirstOrDefault();
            if (asset is null || endpoint.RequestDelegate is not { } serve)
            {
                return;
            }
            // Files do not appear or vanish under a running host: look once, on the first request.
            var exists = new Lazy<bool>(() => environment.WebRootFileProvider.GetFileInfo(asset.AssetPath).Exists);
            endpoint.RequestDelegate = context =>
            {
                if (exists.Value)
                {
                    return serve(context);
                }
                logger.LogError("Web asset {AssetPath} is listed in the build's manifest but missing under {WebRoot}",
                    asset.AssetPath, environment.WebRootPath);
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            };
        });
        return assets;
    }
}
