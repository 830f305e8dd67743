using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace Skriptoteket.Web.Tools;

public static class ToolsWebExtensions
{
    /// <summary>The tools area's page service; enums travel as snake_case strings ("in_review", "accept").</summary>
    public static IServiceCollection AddToolsWeb(this IServiceCollection services)
    {
        services.AddScoped<ToolsService>();
        services.AddScoped<StudioService>();
        services.AddScoped<ExamplesService>();
        services.AddSingleton<ToolSettingsService>();
        services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower)));
        return services;
    }
}
