using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Api.Tools;

/// <summary>/api/v1/catalog: professions, one profession's categories and tools, search.</summary>
internal static class CatalogEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var catalog = api.MapGroup("/catalog").WithTags("Katalog").RequireAuthorization(Policies.User);

        catalog.MapGet("/professions", async (IGrainFactory grains) =>
            Results.Ok((await grains.GetGrain<ICatalogGrain>(0).GetTaxonomyAsync()).Professions));

        catalog.MapGet("/professions/{slug}", async (string slug, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<ICatalogGrain>(0).GetProfessionAsync(slug)
                ?? throw DomainException.NotFound("Yrkesrollen")));

        catalog.MapGet("/search", async (string? q, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<ICatalogGrain>(0).SearchAsync(q ?? "")));
    }
}
