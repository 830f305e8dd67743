using Skriptoteket.Web.Security;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Web.Api;

namespace Skriptoteket.Web.Identity;

/// <summary>
/// Turns the session cookie into a principal by asking the authentication grain (PostgreSQL) on every
/// request; pages challenge with a redirect to /login, the JSON API with 401/403 error bodies.
/// </summary>
public sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IGrainFactory grains) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "SkriptoteketSession";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = SessionCookie.Read(Context);
        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }
        var user = await grains.GetGrain<IAuthenticationGrain>(0).AuthenticateAsync(token);
        if (user is null)
        {
            return AuthenticateResult.NoResult();
        }
        var principal = SessionPrincipal.Create(user, SessionCookie.HashHex(token));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (IsApi)
        {
            await ApiResults.ForStatus(StatusCodes.Status401Unauthorized, Context).ExecuteAsync(Context);
            return;
        }
        var returnUrl = Request.PathBase + Request.Path + Request.QueryString;
        Response.Redirect("/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        if (IsApi)
        {
            await ApiResults.ForStatus(StatusCodes.Status403Forbidden, Context).ExecuteAsync(Context);
            return;
        }
        // An endpoint that is not one of the app's pages (the Orleans dashboard) does not exist for someone without
        // its role (SPEC §1: "not found", never a hint). The interactive router, which knows no page there, says
        // "Sidan hittades inte" too, so status and text agree.
        Response.StatusCode = Context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is null
            ? StatusCodes.Status404NotFound
            : StatusCodes.Status403Forbidden;
        if (ErrorPages.WillAnswer(Context))
        {
            // A browser's page request: the app's "Åtkomst nekad" page in the layout is written by ErrorPages.
            return;
        }
        Response.ContentType = "text/html; charset=utf-8";
        await Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"sv\"><head><title>Skriptoteket</title></head><body>" +
            (Response.StatusCode == StatusCodes.Status404NotFound ? "<h1>Sidan hittades inte.</h1>" : "<h1>Du har inte behörighet till den här sidan.</h1>") +
            "<p><a href=\"/\">Till startsidan</a></p></body></html>");
    }

    private bool IsApi => Request.Path.StartsWithSegments("/api");
}
