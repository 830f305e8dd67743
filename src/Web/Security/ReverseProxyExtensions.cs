using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Skriptoteket.Web.Security;

/// <summary>
/// Behind a TLS-terminating proxy the client address (login throttling, audit) and the scheme (the session
/// cookie's Secure flag) come from forwarded headers, but only from the proxies named in configuration.
/// </summary>
public static class ReverseProxyExtensions
{
    public static IServiceCollection AddSkriptoteketReverseProxy(this IServiceCollection services)
    {
        services.AddOptions<ReverseProxyOptions>()
            .BindConfiguration(ReverseProxyOptions.Section)
            .Validate(options => options.ParseTrustedProxies() is not null)
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<ReverseProxyOptions>>((forwarded, proxies) =>
            {
                var trusted = proxies.Value.ParseTrustedProxies();
                // ASP.NET Core trusts loopback by default, and with both lists empty it trusts every peer; so with
                // no proxy configured nothing is forwarded at all, and otherwise only the configured ones count.
                forwarded.ForwardedHeaders = trusted.Count == 0
                    ? ForwardedHeaders.None
                    : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                forwarded.KnownProxies.Clear();
                forwarded.KnownIPNetworks.Clear();
                foreach (var network in trusted)
                {
                    forwarded.KnownIPNetworks.Add(network);
                }
            });
        return services;
    }

    /// <summary>First in the pipeline, so every later component sees the client's address and scheme.</summary>
    public static WebApplication UseSkriptoteketForwardedHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value.ParseTrustedProxies().Count > 0)
        {
            app.UseForwardedHeaders();
        }
        return app;
    }
}
