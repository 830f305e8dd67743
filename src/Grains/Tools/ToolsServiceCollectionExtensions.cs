using Microsoft.Extensions.DependencyInjection;
using Skriptoteket.Grains.Catalog;
using Skriptoteket.Grains.Abstractions.Tools;

namespace Skriptoteket.Grains.Tools;

public static class ToolsServiceCollectionExtensions
{
    /// <summary>The tool, suggestion and catalog grains' services and the "Tools" settings.</summary>
    public static IServiceCollection AddTools(this IServiceCollection services)
    {
        services.AddSingleton<ToolProjection>();
        services.AddSingleton<ToolSlugs>();
        services.AddSingleton<TaxonomyReader>();
        services.AddSingleton<ProfessionQuery>();
        services.AddSingleton<Suggestions.SuggestionProjection>();
        services.AddOptions<ToolsOptions>().BindConfiguration(ToolsOptions.Section);
        return services;
    }
}
