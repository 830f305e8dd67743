using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Web.Runs;
using Skriptoteket.Web.Security;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Web.Api.Runs;

/// <summary>JSON API of runs: start (multipart uploads), read, cancel, download artifacts, list own runs.</summary>
public static class RunEndpoints
{
    /// <summary>Room for the multipart framing (boundaries, headers) of each file besides its bytes.</summary>
    private const long FramingBytesPerFile = 16 * 1024;

    public static RouteGroupBuilder MapRunEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("tool-versions/{id:guid}/run-sandbox", RunSandboxAsync).RequireAuthorization(Policies.Contributor)
            .WithTags("Körningar").WithSummary("Provkör en version (multipart med indatafiler och fältet fields, JSON {\"fields\": {…}}, eller tom kropp). Samma Idempotency-Key ger samma körning.");
        api.MapPost("tools/{slug}/run", RunToolAsync).RequireAuthorization(Policies.User)
            .WithTags("Körningar").WithSummary("Kör ett publicerat verktyg (multipart med indatafiler och fältet fields, JSON {\"fields\": {…}}, eller tom kropp). Samma Idempotency-Key ger samma körning.");
        api.MapGet("tool-runs/{id:guid}", GetRunAsync).RequireAuthorization(Policies.User)
            .WithTags("Körningar").WithSummary($"En körning. Med wait=N (0–{RunFinish.MaxWaitSeconds} sekunder) svarar den när körningen är klar, eller efter N sekunder med dess läge då: ingen avfrågning behövs.");
        api.MapPost("tool-runs/{id:guid}/cancel", CancelRunAsync).RequireAuthorization(Policies.User)
            .WithTags("Körningar").WithSummary("Avbryt en körning.");
        api.MapGet("tool-runs/{id:guid}/artifacts/{aid:int}", DownloadArtifactAsync).RequireAuthorization(Policies.User)
            .WithTags("Körningar").WithSummary("Ladda ned en utdatafil (alltid som nedladdning).");
        api.MapGet("my-runs", ListMyRunsAsync).RequireAuthorization(Policies.User)
            .WithTags("Körningar").WithSummary("Egna körningar, nyaste först (limit 1–200).");
        api.MapGet("my-runs/{id:guid}", GetMyRunAsync).RequireAuthorization(Policies.User)
            .WithTags("Körningar").WithSummary("En egen körning.");
        api.MapRunOutputEndpoints();
        return api;
    }

    // The Idempotency-Key header (RunStartKey): a repeat of the same key by the same person answers with the same run.
    private static Task<IResult> RunSandboxAsync(Guid id, [FromHeader(Name = RunStartKey.Header)] string? startKey, HttpContext http,
        RunStarter starter, IOptions<UploadLimits> uploads) =>
        StartAsync(http, starter, uploads.Value, startKey, (user, inputs, fields) => RunRequest.Sandbox(id, user, inputs, fields));

    private static Task<IResult> RunToolAsync(string slug, [FromHeader(Name = RunStartKey.Header)] string? startKey, HttpContext http,
        RunStarter starter, IOptions<UploadLimits> uploads) =>
        StartAsync(http, starter, uploads.Value, startKey, (user, inputs, fields) => RunRequest.Production(slug, user, inputs, fields));

    private static async Task<IResult> GetRunAsync(Guid id, int? wait, HttpContext http, IGrainFactory grains)
    {
        if (wait is < 0 or > RunFinish.MaxWaitSeconds)
        {
            return ApiResults.Refuse(http, ErrorCode.Validation, "RunWaitRange", RunFinish.MaxWaitSeconds);
        }
        var run = await RunFinish.WaitAsync(grains.GetGrain<IRunGrain>(id), ApiActor.Require(http), TimeSpan.FromSeconds(wait ?? 0),
            http.RequestAborted);
        return TypedResults.Ok(RunResponse.From(run));
    }

    private static async Task<Ok<RunResponse>> CancelRunAsync(Guid id, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(RunResponse.From(await grains.GetGrain<IRunGrain>(id).CancelAsync(ApiActor.Require(http))));

    private static async Task<FileContentHttpResult> DownloadArtifactAsync(Guid id, int aid, HttpContext http, IGrainFactory grains)
    {
        var file = await grains.GetGrain<IRunGrain>(id).GetArtifactAsync(ApiActor.Require(http), aid);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        // Always a download, never rendered: the bytes come from an untrusted script.
        return TypedResults.File(file.Content, "application/octet-stream", file.Name);
    }

    private static async Task<Ok<List<RunResponse>>> ListMyRunsAsync(int? limit, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok((await grains.GetGrain<IRunQueryGrain>(0).ListMineAsync(ApiActor.Require(http), limit ?? 50))
            .Select(RunResponse.From).ToList());

    private static async Task<IResult> GetMyRunAsync(Guid id, HttpContext http, IGrainFactory grains)
    {
        var user = ApiActor.Require(http);
        var run = await grains.GetGrain<IRunGrain>(id).GetAsync(user);
        // "My runs" means own runs only, also for admins.
        return run.RequestedBy == user.UserId ? TypedResults.Ok(RunResponse.From(run)) : ApiResults.Refuse(http, ErrorCode.NotFound, "RunMissing");
    }

    private static async Task<IResult> StartAsync(HttpContext http, RunStarter starter, UploadLimits limits, string? startKey,
        Func<ActingUser, IReadOnlyList<RunInputFile>, string?, RunRequest> request)
    {
        var user = ApiActor.Require(http);
        // Refused before the body is read: a bad key is the caller's mistake whatever the files are.
        var key = RunStartKey.Check(startKey);
        var inputs = new List<RunInputFile>();
        string? fields = null;
        if (http.Request.HasJsonContentType())
        {
            fields = await RunFieldsBody.ReadAsync(http);
        }
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
                return ApiResults.From(limits.TooLargeTogether(), http);
            }
            // Names and sizes first: nothing is copied into memory for a run the contract refuses.
            limits.Check([.. form.Files.Select(f => (f.FileName, f.Length))]);
            // The declared fields' values travel as one form part "fields" holding the JSON object.
            fields = form.TryGetValue("fields", out var values) ? values.ToString() : null;
            foreach (var file in form.Files)
            {
                // Straight into an array of the checked length: no growing buffer and no second copy of the upload.
                var content = new byte[file.Length];
                await using (var stream = file.OpenReadStream())
                {
                    await stream.ReadExactlyAsync(content);
                }
                inputs.Add(new RunInputFile(file.FileName, content));
            }
        }
        var run = await starter.StartAsync(request(user, inputs, fields) with { StartKey = key });
        return Results.Accepted($"/api/v1/tool-runs/{run.RunId}", RunResponse.From(run));
    }
}
