using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Skriptoteket.Grains.Abstractions.Insights;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Api.Tools;

/// <summary>
/// Tool insights (docs/execution.md, "Insights"). Any signed-in caller reaches the grain, which alone decides who may
/// see them (admins, and a tool's maintainers for that tool), so the rule lives in one place.
/// </summary>
internal static class InsightsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/tools/{id:guid}/insights", ForToolAsync).RequireAuthorization(Policies.User).WithTags("Insikter")
            .WithSummary("Ett verktygs körningar (endast riktiga körningar): per version antal, andel fel och tidsgräns, median och p95, " +
                         "felsorter och de fem vanligaste felmeddelandena; per vecka de senaste 12 veckorna (administratörer).");
        api.MapGet("/insights", OverviewAsync).RequireAuthorization(Policies.User).WithTags("Insikter")
            .WithSummary("Alla verktyg med körningar och felandel de senaste 30 dagarna, mest använda först (administratörer).");
    }

    private static async Task<Ok<ToolInsights>> ForToolAsync(Guid id, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IInsightsGrain>(0).ForToolAsync(ApiActor.Require(http), id));

    private static async Task<Ok<InsightsOverview>> OverviewAsync(HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IInsightsGrain>(0).OverviewAsync(ApiActor.Require(http)));
}
