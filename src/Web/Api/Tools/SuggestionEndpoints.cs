using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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

        suggestions.MapPost("/", async (SuggestionDraft draft, HttpContext http, IGrainFactory grains) =>
        {
            var info = await grains.GetGrain<ISuggestionGrain>(Guid.NewGuid()).SubmitAsync(ApiActor.Require(http), draft);
            return Results.Created($"/api/v1/suggestions/{info.Id}", info);
        });

        // scope=mine (default) or scope=queue (admins; decided=true includes decided ones).
        suggestions.MapGet("/", async (string? scope, bool? decided, HttpContext http, IGrainFactory grains) =>
        {
            var actor = ApiActor.Require(http);
            var catalog = grains.GetGrain<ICatalogGrain>(0);
            return Results.Ok(scope == "queue"
                ? await catalog.ListSuggestionQueueAsync(actor, decided == true)
                : await catalog.ListMySuggestionsAsync(actor));
        });

        suggestions.MapGet("/{id:guid}", async (Guid id, HttpContext http, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<ISuggestionGrain>(id).GetAsync(ApiActor.Require(http))));

        suggestions.MapPost("/{id:guid}/decision", async (Guid id, SuggestionDecision decision, HttpContext http, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<ISuggestionGrain>(id).DecideAsync(ApiActor.Require(http), decision)))
            .RequireAuthorization(Policies.Admin);
    }
}
