using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Skriptoteket.Web.Api;
using Skriptoteket.Web.Identity;

namespace Skriptoteket.Web;

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
        Api.Tools.ToolsApi.MapToolsApi(api);
        Api.Identity.IdentityApi.MapIdentityApi(api);
        Api.Runs.RunEndpoints.MapRunEndpoints(api);
        Api.Runs.SessionEndpoints.MapSessionEndpoints(api);
        return api;
    }
}
