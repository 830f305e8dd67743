using Microsoft.AspNetCore.Http;

namespace Skriptoteket.Web.Identity;

/// <summary>
/// Every state-changing /api/v1 request made with a session must carry X-CSRF-TOKEN with the session's
/// csrfToken (from login or /api/v1/me). Login itself is exempt: it has no session yet.
/// </summary>
public sealed class CsrfEndpointFilter : IEndpointFilter
{
    public const string LoginPath = "/api/v1/auth/login";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var method = http.Request.Method;
        var safe = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
        var token = SessionCookie.Read(http);
        if (safe || token is null || http.User.Identity?.IsAuthenticated != true
            || http.Request.Path.Equals(LoginPath, StringComparison.OrdinalIgnoreCase)
            || SessionCookie.CsrfMatches(token, http.Request.Headers[SessionCookie.CsrfHeader]))
        {
            return await next(context);
        }
        return Results.Json(
            Api.ApiResults.RefusalBody(http, "CSRF_TOKEN_INVALID", "CsrfInvalid", SessionCookie.CsrfHeader),
            statusCode: StatusCodes.Status403Forbidden);
    }
}
