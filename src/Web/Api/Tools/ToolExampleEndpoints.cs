using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools.Examples;
using Skriptoteket.Web.Api.Runs;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Api.Tools;

/// <summary>
/// /api/v1/tools/{id}/examples (worked examples, docs/adr/0012-worked-examples.md) and
/// /api/v1/tool-versions/{id}/example-checks. Admins and the tool's maintainers manage (the grain decides, issue 22);
/// anyone who may run the tool lists and tries.
/// </summary>
internal static class ToolExampleEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var examples = api.MapGroup("/tools/{id:guid}/examples").WithTags("Exempel");
        examples.MapGet("/", ListAsync).RequireAuthorization(Policies.User).WithSummary("Verktygets exempel.");
        examples.MapPost("/", AddAsync).RequireAuthorization(Policies.Contributor)
            .WithSummary("Lägg till ett exempel: namn, fältvärden (fields), filer (files: name och contentBase64) och, för ett verktyg med steg, stegen att ta efter första körningen (steps: step och values), i ordning.");
        examples.MapPost("/{exampleId:guid}/rename", RenameAsync).RequireAuthorization(Policies.Contributor).WithSummary("Byt namn på ett exempel.");
        examples.MapDelete("/{exampleId:guid}", DeleteAsync).RequireAuthorization(Policies.Contributor).WithSummary("Ta bort ett exempel.");
        examples.MapPost("/{exampleId:guid}/expected", AcceptAsync).RequireAuthorization(Policies.Contributor)
            .WithSummary("Gör en lyckad körnings resultat till exemplets förväntade resultat.");
        examples.MapPost("/{exampleId:guid}/try", TryAsync).RequireAuthorization(Policies.User)
            .WithSummary("Prova exemplet: en vanlig körning av verktygets aktiva version (syns i Mina körningar). Samma Idempotency-Key ger samma körning.");
        api.MapGet("/tool-versions/{id:guid}/example-checks", ChecksAsync).RequireAuthorization(Policies.Contributor).WithTags("Exempel")
            .WithSummary("Exemplens kontroller mot en version: pending, unchanged, changed (med diff), failed eller no_expected.");
    }

    private static async Task<Ok<IReadOnlyList<ToolExample>>> ListAsync(Guid id, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Grain(grains, id).ListAsync(ApiActor.Require(http)));

    private static async Task<Created<ToolExample>> AddAsync(Guid id, AddExampleRequest body, HttpContext http, IGrainFactory grains)
    {
        var actor = ApiActor.Require(http);
        var added = await Grain(grains, id).AddAsync(actor, body.ToNewExample());
        return TypedResults.Created($"/api/v1/tools/{id}/examples/{added.Id}", added);
    }

    private static async Task<Ok<ToolExample>> RenameAsync(Guid id, Guid exampleId, RenameExampleRequest body, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Grain(grains, id).RenameAsync(ApiActor.Require(http), exampleId, body.Name ?? ""));

    private static async Task<NoContent> DeleteAsync(Guid id, Guid exampleId, HttpContext http, IGrainFactory grains)
    {
        await Grain(grains, id).DeleteAsync(ApiActor.Require(http), exampleId);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ToolExample>> AcceptAsync(Guid id, Guid exampleId, AcceptResultRequest body, HttpContext http, IGrainFactory grains) =>
        body.RunId is { } runId && runId != Guid.Empty
            ? TypedResults.Ok(await Grain(grains, id).AcceptResultAsync(ApiActor.Require(http), exampleId, runId))
            : throw DomainException.Invalid("Ange runId: körningen vars resultat ska bli det förväntade.", "Api.RunIdMissing");

    private static async Task<IResult> TryAsync(Guid id, Guid exampleId, [FromHeader(Name = RunStartKey.Header)] string? startKey,
        HttpContext http, IGrainFactory grains)
    {
        var run = await Grain(grains, id).TryAsync(ApiActor.Require(http), exampleId, RunStartKey.Check(startKey));
        return Results.Accepted($"/api/v1/tool-runs/{run.RunId}", RunResponse.From(run));
    }

    private static async Task<Ok<IReadOnlyList<ExampleCheck>>> ChecksAsync(Guid id, HttpContext http, IGrainFactory grains)
    {
        var actor = ApiActor.Require(http);
        var toolId = await grains.GetGrain<ICatalogGrain>(0).FindToolOfVersionAsync(actor, id) ?? throw DomainException.NotFound("Versionen");
        return TypedResults.Ok(await Grain(grains, toolId).ListChecksAsync(actor, id));
    }

    private static IToolExamplesGrain Grain(IGrainFactory grains, Guid toolId) => grains.GetGrain<IToolExamplesGrain>(toolId);
}

/// <summary>
/// POST tools/{id}/examples. Fields: the values as the run form sends them; files as base64; steps: the follow-up steps
/// a check takes after the first run, in order (the expected result is the last step's).
/// </summary>
public sealed record AddExampleRequest(string? Name, JsonElement? Fields, IReadOnlyList<ExampleFileRequest>? Files,
    IReadOnlyList<ExampleStepRequest?>? Steps = null)
{
    public NewExample ToNewExample()
    {
        var fields = Fields is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } f
            ? f.ValueKind == JsonValueKind.Object ? f.GetRawText() : throw DomainException.Invalid("fields måste vara ett JSON-objekt: {namn: värde}.", "Api.FieldsObject")
            : null;
        var files = (Files ?? []).Select(Decode).ToList();
        // Names and values objects are checked by the grain (ExampleStepRules), with messages naming the step.
        var steps = (Steps ?? []).Select(s => new ExampleStep(s?.Step ?? "", s?.Values is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } v ? v.GetRawText() : "")).ToList();
        return new NewExample(Name ?? "", fields, files) { Steps = steps };
    }

    private static RunInputFile Decode(ExampleFileRequest? file)
    {
        if (file is not { Name.Length: > 0, ContentBase64: not null })
        {
            throw DomainException.Invalid("Varje fil behöver name och contentBase64.", "Api.FileParts");
        }
        try
        {
            return new RunInputFile(file.Name, Convert.FromBase64String(file.ContentBase64));
        }
        catch (FormatException)
        {
            throw DomainException.Invalid($"Filen \"{(file.Name.Length <= 80 ? file.Name : file.Name[..80])}\": contentBase64 är inte giltig base64.", "Api.Base64Invalid", file.Name.Length <= 80 ? file.Name : file.Name[..80]);
        }
    }
}

public sealed record ExampleFileRequest(string? Name, string? ContentBase64);

/// <summary>One follow-up step of an example: the step's name and its values as its form would send them (a JSON object).</summary>
public sealed record ExampleStepRequest(string? Step, JsonElement? Values);

public sealed record RenameExampleRequest(string? Name);

public sealed record AcceptResultRequest(Guid? RunId);

/// <summary>POST tool-versions/{id}/publish: the note publishing needs when example checks changed, failed or still run.</summary>
public sealed record PublishVersionRequest(string? ExamplesNote);
