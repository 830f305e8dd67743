using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Web.Api;
using Skriptoteket.Web.Security;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Web.Runs;

/// <summary>JSON API of runs: start (multipart uploads), read, cancel, download artifacts, list own runs.</summary>
public static class RunEndpoints
{
    private const long DefaultMaxUploadBytes = 25L * 1024 * 1024;

    /// <summary>A run's request may carry this many full-size files; the multipart reader allows 128 MB by default.</summary>
    private const int MaxFilesPerRequest = 4;

    public static RouteGroupBuilder MapRunEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("tool-versions/{id:guid}/run-sandbox", (Guid id, HttpContext http, IGrainFactory grains, IConfiguration config) =>
            StartAsync(http, grains, config, (user, inputs) => RunRequest.Sandbox(id, user, inputs)))
            .RequireAuthorization(Policies.Contributor);
        api.MapPost("tools/{slug}/run", (string slug, HttpContext http, IGrainFactory grains, IConfiguration config) =>
            StartAsync(http, grains, config, (user, inputs) => RunRequest.Production(slug, user, inputs)))
            .RequireAuthorization(Policies.User);
        api.MapGet("tool-runs/{id:guid}", (Guid id, HttpContext http, IGrainFactory grains) =>
            WithUser(http, async user => Results.Ok(RunResponse.From(await grains.GetGrain<IRunGrain>(id).GetAsync(user)))))
            .RequireAuthorization(Policies.User);
        api.MapPost("tool-runs/{id:guid}/cancel", (Guid id, HttpContext http, IGrainFactory grains) =>
            WithUser(http, async user => Results.Ok(RunResponse.From(await grains.GetGrain<IRunGrain>(id).CancelAsync(user)))))
            .RequireAuthorization(Policies.User);
        api.MapGet("tool-runs/{id:guid}/artifacts/{aid:int}", (Guid id, int aid, HttpContext http, IGrainFactory grains) =>
            WithUser(http, async user =>
            {
                var file = await grains.GetGrain<IRunGrain>(id).GetArtifactAsync(user, aid);
                http.Response.Headers.XContentTypeOptions = "nosniff";
                // Always a download, never rendered: the bytes come from an untrusted script.
                return Results.File(file.Content, "application/octet-stream", file.Name);
            })).RequireAuthorization(Policies.User);
        api.MapGet("my-runs", (HttpContext http, IGrainFactory grains, int? limit) =>
            WithUser(http, async user => Results.Ok((await grains.GetGrain<IRunQueryGrain>(0).ListMineAsync(user, limit ?? 50)).Select(RunResponse.From))))
            .RequireAuthorization(Policies.User);
        api.MapGet("my-runs/{id:guid}", (Guid id, HttpContext http, IGrainFactory grains) =>
            WithUser(http, async user =>
            {
                var run = await grains.GetGrain<IRunGrain>(id).GetAsync(user);
                // "My runs" means own runs only, also for admins.
                return run.RequestedBy == user.UserId ? Results.Ok(RunResponse.From(run)) : ApiResults.Error(ErrorCode.NotFound, "Körningen hittades inte.");
            })).RequireAuthorization(Policies.User);
        return api;
    }

    private static Task<IResult> StartAsync(HttpContext http, IGrainFactory grains, IConfiguration config,
        Func<ActingUser, IReadOnlyList<RunInputFile>, RunRequest> request) =>
        WithUser(http, async user =>
        {
            var inputs = new List<RunInputFile>();
            if (http.Request.HasFormContentType)
            {
                var maxBytes = config.GetValue<long?>("Execution:MaxUploadBytes") ?? DefaultMaxUploadBytes;
                // Kestrel's default body cap (≈ 28.6 MB) would refuse several legal files with a bare 413.
                var bodyLimit = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
                if (bodyLimit is { IsReadOnly: false })
                {
                    bodyLimit.MaxRequestBodySize = maxBytes * MaxFilesPerRequest;
                }
                IFormCollection form;
                try
                {
                    form = await http.Request.ReadFormAsync();
                }
                catch (Exception ex) when (ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                                               or InvalidDataException)
                {
                    return ApiResults.Error(ErrorCode.Validation,
                        $"Filerna är för stora tillsammans. Högst {maxBytes * MaxFilesPerRequest / (1024 * 1024)} MB per körning.");
                }
                foreach (var file in form.Files)
                {
                    if (file.Length > maxBytes)
                    {
                        return ApiResults.Error(ErrorCode.Validation,
                            $"Filen \"{file.FileName}\" är för stor. Största tillåtna storlek är {maxBytes / (1024 * 1024)} MB.");
                    }
                    using var buffer = new MemoryStream();
                    await file.CopyToAsync(buffer);
                    inputs.Add(new RunInputFile(file.FileName, buffer.ToArray()));
                }
            }
            var runId = Guid.NewGuid();
            var run = await grains.GetGrain<IRunGrain>(runId).StartAsync(request(user, inputs));
            return Results.Accepted($"/api/v1/tool-runs/{runId}", RunResponse.From(run));
        });

    private static Task<IResult> WithUser(HttpContext http, Func<ActingUser, Task<IResult>> action) =>
        action(ApiActor.Require(http));
}
