using Microsoft.AspNetCore.Routing;

namespace Skriptoteket.Web.Api.Tools;

public static class ToolsApi
{
    /// <summary>Tools, versions, suggestions, catalog and my-tools (favorites, recently used) endpoints on the /api/v1 group.</summary>
    public static RouteGroupBuilder MapToolsApi(this RouteGroupBuilder api)
    {
        ToolEndpoints.Map(api);
        ToolVersionEndpoints.Map(api);
        ToolExampleEndpoints.Map(api);
        SuggestionEndpoints.Map(api);
        CatalogEndpoints.Map(api);
        MyToolsEndpoints.Map(api);
        ToolSettingsEndpoints.Map(api);
        InsightsEndpoints.Map(api);
        return api;
    }
}
