using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Api.Tools;

/// <summary>
/// /api/v1/me/favorites and /api/v1/me/recent-tools: the signed-in person's own favorites and recently used tools
/// (the home page's "Mina favoriter" and "Senast använda"). The person is always the session's: no route names
/// another user. PUT and DELETE are idempotent (204 each time).
/// </summary>
internal static class MyToolsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Mina verktyg").RequireAuthorization(Policies.User);
        me.MapGet("/favorites", FavoritesAsync).WithSummary("Mina favoriter: publicerade verktyg jag har stjärnmärkt, efter titel.");
        me.MapPut("/favorites/{id:guid}", AddAsync)
            .WithSummary("Stjärnmärk ett publicerat verktyg (idempotent: 204 även om det redan är favorit; 404 för ett verktyg som inte visas).");
        me.MapDelete("/favorites/{id:guid}", RemoveAsync).WithSummary("Ta bort stjärnan (idempotent: 204 även om den inte fanns).");
        me.MapGet("/recent-tools", RecentAsync)
            .WithSummary($"Senast använda: publicerade verktyg jag senast körde, nyast först, högst {IMyToolsGrain.RecentLimit}.");
    }

    private static IMyToolsGrain MyTools(IGrainFactory grains) => grains.GetGrain<IMyToolsGrain>(0);

    private static async Task<Ok<IReadOnlyList<ToolCard>>> FavoritesAsync(HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await MyTools(grains).ListFavoritesAsync(ApiActor.Require(http)));

    private static async Task<NoContent> AddAsync(Guid id, HttpContext http, IGrainFactory grains)
    {
        await MyTools(grains).AddFavoriteAsync(ApiActor.Require(http), id);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RemoveAsync(Guid id, HttpContext http, IGrainFactory grains)
    {
        await MyTools(grains).RemoveFavoriteAsync(ApiActor.Require(http), id);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<ToolCard>>> RecentAsync(HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await MyTools(grains).ListRecentAsync(ApiActor.Require(http)));
}
