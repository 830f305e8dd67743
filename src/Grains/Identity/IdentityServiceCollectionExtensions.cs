using Microsoft.Extensions.DependencyInjection;

namespace Skriptoteket.Grains.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>SQL stores and settings the identity grains use.</summary>
    public static IServiceCollection AddSkriptoteketIdentityGrains(this IServiceCollection services)
    {
        services.AddOptions<IdentityOptions>()
            .BindConfiguration(IdentityOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<UserStore>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<NominationStore>();
        services.AddSingleton<AuditQueries>();
        return services;
    }
}
