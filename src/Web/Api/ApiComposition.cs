using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Skriptoteket.Web.Identity;

namespace Skriptoteket.Web.Api;

/// <summary>The JSON API under /api/v1; each area maps its endpoints onto the shared group.</summary>
public static class ApiComposition
{
    public static RouteGroupBuilder MapSkriptoteketApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1")
            .AddEndpointFilter<Identity.CsrfEndpointFilter>()
            .AddEndpointFilter<Identity.PasswordChangeGate>()
            .AddEndpointFilter<DomainExceptionFilter>();
        // Areas add their endpoints here, one line each (identity, tools, runs).
        Tools.ToolsApi.MapToolsApi(api);
        api.MapIdentityApi();
        Runs.RunEndpoints.MapRunEndpoints(api);
        Runs.SessionEndpoints.MapSessionEndpoints(api);
        return api;
    }
}
