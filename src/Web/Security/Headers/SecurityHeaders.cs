using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Skriptoteket.Web.Security.Headers;

/// <summary>
/// Adds the security headers to every response before anything else writes it: pages, the JSON API,
/// static files, health and the Orleans dashboard. Runs after the forwarded headers, so HTTPS behind a
/// trusted proxy counts as HTTPS for HSTS.
/// </summary>
public static class SecurityHeaders
{
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    /// <summary>One year; subdomains are left alone because the school's other services may share the domain.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    private static readonly string ApplicationPolicy = ContentSecurityPolicy.ForApplication().ToString();
    private static readonly string ApiPolicy = ContentSecurityPolicy.ForApi().ToString();
    private static readonly string DashboardPolicy = ContentSecurityPolicy.ForDashboard().ToString();

    public static WebApplication UseSkriptoteketSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            Apply(context);
            return next(context);
        });
        return app;
    }

    /// <summary>Sets the headers on a response that has not started yet.</summary>
    public static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = PolicyFor(context.Request.Path);
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers.XFrameOptions = "DENY";
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = StrictTransportSecurity;
        }
    }

    /// <summary>The policy a path gets: the API and the dashboard differ from the pages.</summary>
    public static string PolicyFor(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz")
        || path.StartsWithSegments("/metrics") ? ApiPolicy
        : path.StartsWithSegments("/dashboard") ? DashboardPolicy
        : ApplicationPolicy;
}
