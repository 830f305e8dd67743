using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Skriptoteket.Web.Security;

/// <summary>
/// A browser's page request that ends in an error status without a body — 403 from a page's role policy, 404 for
/// an address with no page — is answered with the app's own page in the layout (/status/{code}, ProblemNotice),
/// keeping the status. Everything else keeps its own answer: the JSON API its error bodies (ApiErrorMiddleware),
/// files and scripts a plain status.
/// </summary>
public static class ErrorPages
{
    public const string PathFormat = "/status/{0}";

    public static IApplicationBuilder UseSkriptoteketErrorPages(this IApplicationBuilder app)
    {
        // Not in a UseWhen branch: a branch has no global routing, and the re-executed request would find no page.
        // A fresh scope: the page renders as if it had been asked for, not with the failed request's services.
        app.UseStatusCodePagesWithReExecute(PathFormat, createScopeForStatusCodePages: true);
        return app.Use((http, next) =>
        {
            if (!IsPageRequest(http) && http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            {
                statusPages.Enabled = false;
            }
            return next(http);
        });
    }

    /// <summary>True where the status page will answer (the authentication handler then leaves the body to it).</summary>
    public static bool WillAnswer(HttpContext http) => http.Features.Get<IStatusCodePagesFeature>() is { Enabled: true };

    /// <summary>A browser navigating to a page: GET or HEAD, outside the API, asking for HTML.</summary>
    private static bool IsPageRequest(HttpContext http) =>
        (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        && !http.Request.Path.StartsWithSegments("/api")
        && http.Request.Headers.Accept.Any(accept => accept?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
}
