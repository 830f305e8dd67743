using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
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
        catalog.MapGet("/professions", ProfessionsAsync).WithSummary("Yrkesrollerna.");
        catalog.MapGet("/professions/{slug}", ProfessionAsync).WithSummary("En yrkesroll med dess kategorier och publicerade verktyg.");
        catalog.MapGet("/search", SearchAsync).WithSummary("Sök publicerade verktyg på titel och sammanfattning (q, högst 200 tecken).");
    }

    private static async Task<Ok<IReadOnlyList<CatalogLabel>>> ProfessionsAsync(IGrainFactory grains) =>
        TypedResults.Ok((await grains.GetGrain<ICatalogGrain>(0).GetTaxonomyAsync()).Professions);

    private static async Task<Ok<ProfessionCatalog>> ProfessionAsync(string slug, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICatalogGrain>(0).GetProfessionAsync(slug) ?? throw DomainException.NotFound("Yrkesrollen"));

    private static async Task<Ok<IReadOnlyList<ToolCard>>> SearchAsync(string? q, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICatalogGrain>(0).SearchAsync(q ?? ""));
}
