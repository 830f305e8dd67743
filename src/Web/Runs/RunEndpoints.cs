using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Web.Api;
using Skriptoteket.Web.Security;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Web.Runs;

/// <summary>JSON API of runs: start (multipart uploads), read, cancel, download artifacts, list own runs.</summary>
public static class RunEndpoints
{
    /// <summary>Room for the multipart framing (boundaries, headers) of each file besides its bytes.</summary>
    private const long FramingBytesPerFile = 16 * 1024;

    public static RouteGroupBuilder MapRunEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("tool-versions/{id:guid}/run-sandbox", (Guid id, HttpContext http, IGrainFactory grains, IOptions<UploadLimits> uploads) =>
            StartAsync(http, grains, uploads.Value, (user, inputs) => RunRequest.Sandbox(id, user, inputs)))
            .RequireAuthorization(Policies.Contributor);
        api.MapPost("tools/{slug}/run", (string slug, HttpContext http, IGrainFactory grains, IOptions<UploadLimits> uploads) =>
            StartAsync(http, grains, uploads.Value, (user, inputs) => RunRequest.Production(slug, user, inputs)))
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

    private static Task<IResult> StartAsync(HttpContext http, IGrainFactory grains, UploadLimits limits,
        Func<ActingUser, IReadOnlyList<RunInputFile>, RunRequest> request) =>
        WithUser(http, async user =>
        {
            var inputs = new List<RunInputFile>();
            if (http.Request.HasFormContentType)
            {
                // The same per-run limit as the page and the grain (UploadLimits), plus the multipart framing;
                // Kestrel's own default cap (≈ 28.6 MB) would refuse legal runs with a bare 413.
                var bodyLimit = limits.MaxRunBytes + (limits.MaxFiles + 1) * FramingBytesPerFile;
                var bodyFeature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
                if (bodyFeature is { IsReadOnly: false })
                {
                    bodyFeature.MaxRequestBodySize = bodyLimit;
                }
                IFormCollection form;
                try
                {
                    form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = bodyLimit });
                }
                catch (Exception ex) when (ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                                               or InvalidDataException)
                {
                    return ApiResults.From(limits.TooLargeTogether());
                }
                // Names and sizes first: nothing is copied into memory for a run the contract refuses.
                limits.Check([.. form.Files.Select(f => (f.FileName, f.Length))]);
                foreach (var file in form.Files)
                {
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
