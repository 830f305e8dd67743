using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Suggestions;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Api.Tools;

/// <summary>/api/v1/suggestions: submit, mine or the admin queue, one with history, the decision.</summary>
internal static class SuggestionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var suggestions = api.MapGroup("/suggestions").WithTags("Förslag").RequireAuthorization(Policies.Contributor);
        suggestions.MapPost("/", SubmitAsync).WithSummary("Föreslå ett nytt verktyg.");
        suggestions.MapGet("/", ListAsync)
            .WithSummary("Egna förslag (scope=mine) eller administratörens kö (scope=queue; decided=true tar med avgjorda).");
        suggestions.MapGet("/{id:guid}", GetAsync).WithSummary("Ett förslag med sin historik.");
        suggestions.MapPost("/{id:guid}/decision", DecideAsync).RequireAuthorization(Policies.Admin)
            .WithSummary("Avgör ett förslag: accept, modify (med ändrade uppgifter) eller deny, alltid med motivering.");
    }

    private static async Task<Created<SuggestionInfo>> SubmitAsync(SuggestionDraft draft, HttpContext http, IGrainFactory grains)
    {
        var info = await grains.GetGrain<ISuggestionGrain>(Guid.NewGuid()).SubmitAsync(ApiActor.Require(http), draft);
        return TypedResults.Created($"/api/v1/suggestions/{info.Id}", info);
    }

    private static async Task<Ok<IReadOnlyList<SuggestionRow>>> ListAsync(string? scope, bool? decided, HttpContext http, IGrainFactory grains)
    {
        var actor = ApiActor.Require(http);
        var catalog = grains.GetGrain<ICatalogGrain>(0);
        return TypedResults.Ok(scope == "queue"
            ? await catalog.ListSuggestionQueueAsync(actor, decided == true)
            : await catalog.ListMySuggestionsAsync(actor));
    }

    private static async Task<Ok<SuggestionInfo>> GetAsync(Guid id, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ISuggestionGrain>(id).GetAsync(ApiActor.Require(http)));

    private static async Task<Ok<SuggestionInfo>> DecideAsync(Guid id, SuggestionDecisionRequest body, HttpContext http, IGrainFactory grains)
    {
        var actor = ApiActor.Require(http);
        return TypedResults.Ok(await grains.GetGrain<ISuggestionGrain>(id).DecideAsync(actor, body.ToDecision()));
    }
}
