using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Skriptoteket.Grains.Abstractions.Sessions;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Web.Security;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Api.Tools;

/// <summary>
/// /api/v1/tools/{slug}/settings: the signed-in person's own settings for a published tool (st.settings of every run);
/// /api/v1/tool-versions/{id}/sandbox-settings: the author's own sandbox settings for a version they may test.
/// The person is always the session's: no route names another user.
/// </summary>
internal static class ToolSettingsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/tools/{slug}/settings", GetAsync).RequireAuthorization(Policies.User).WithTags("Inställningar")
            .WithSummary("Mina inställningar för ett publicerat verktyg: den aktiva versionens deklaration, värdena (standardvärden ifyllda) och de som just togs bort.");
        api.MapPut("/tools/{slug}/settings", SaveAsync).RequireAuthorization(Policies.User).WithTags("Inställningar")
            .WithSummary("Spara mina inställningar ({\"values\": {namn: värde}}), kontrollerade som en körnings fältvärden.");
        api.MapGet("/tool-versions/{id:guid}/sandbox-settings", GetSandboxAsync).RequireAuthorization(Policies.Contributor).WithTags("Inställningar")
            .WithSummary("Mina testinställningar för en version jag får provköra.");
        api.MapPut("/tool-versions/{id:guid}/sandbox-settings", SaveSandboxAsync).RequireAuthorization(Policies.Contributor).WithTags("Inställningar")
            .WithSummary("Spara mina testinställningar för en version ({\"values\": {namn: värde}}).");
    }

    private static async Task<Ok<ToolSettingsResponse>> GetAsync(string slug, HttpContext http, ToolSettingsService settings) =>
        TypedResults.Ok(ToolSettingsResponse.From(await settings.GetAsync(ApiActor.Require(http), slug)));

    private static async Task<Ok<ToolSettingsResponse>> SaveAsync(string slug, SaveSettingsRequest body, HttpContext http, ToolSettingsService settings) =>
        TypedResults.Ok(ToolSettingsResponse.From(await settings.SaveAsync(ApiActor.Require(http), slug, body.ValuesJson)));

    private static async Task<Ok<ToolSettingsResponse>> GetSandboxAsync(Guid id, HttpContext http, ToolSettingsService settings) =>
        TypedResults.Ok(ToolSettingsResponse.From(await settings.GetSandboxAsync(ApiActor.Require(http), id)));

    private static async Task<Ok<ToolSettingsResponse>> SaveSandboxAsync(Guid id, SaveSettingsRequest body, HttpContext http, ToolSettingsService settings) =>
        TypedResults.Ok(ToolSettingsResponse.From(await settings.SaveSandboxAsync(ApiActor.Require(http), id, body.ValuesJson)));
}

/// <summary>PUT …/settings: the values by setting name; a setting left out or empty follows its default.</summary>
public sealed record SaveSettingsRequest(JsonElement? Values)
{
    internal string? ValuesJson => Values is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } v ? v.GetRawText() : null;
}

/// <summary>
/// A person's settings for a tool: the declaration (as inputs.json's "settings"), the values every run gets (defaults
/// filled in) and the labels of saved values just dropped because the declaration changed (named once).
/// </summary>
public sealed record ToolSettingsResponse(IReadOnlyList<InputField> Declaration, JsonElement Values, IReadOnlyList<string> Dropped)
{
    public static ToolSettingsResponse From(ToolSettingsInfo info) =>
        new(info.Declaration, JsonSerializer.Deserialize<JsonElement>(info.ValuesJson), info.Dropped);
}
