using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Identity;

/// <summary>Authentication (session cookie), role policies, circuit revalidation, localization and the account endpoints.</summary>
public static class IdentityWebExtensions
{
    public static readonly CultureInfo[] Cultures = [new("sv"), new("en")];

    public static IServiceCollection AddSkriptoteketIdentity(this IServiceCollection services)
    {
        services.AddAuthentication(SessionAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null);
        var authorization = services.AddAuthorizationBuilder();
        foreach (var role in Enum.GetValues<Role>())
        {
            authorization.AddPolicy(Policies.For(role), p => p
                .AddAuthenticationSchemes(SessionAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireAssertion(c => c.User.ToActingUser()?.IsAtLeast(role) == true));
        }
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidatingStateProvider>();
        services.AddScoped<AccountService>();
        services.AddScoped<UserAdminService>();

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("sv");
            o.SupportedCultures = o.SupportedUICultures = Cultures;
            // Swedish unless the person chose otherwise: the browser's language is not asked.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>Middleware in order: culture, then who the caller is, then what they may do.</summary>
    public static WebApplication UseSkriptoteketIdentity(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapSkriptoteketAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/logout", async (HttpContext http, IAntiforgery antiforgery, AccountService account) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest("Ogiltig begäran (CSRF-skydd). Ladda om sidan och försök igen.");
            }
            await account.LogoutAsync(http);
            return Results.Redirect("/login");
        }).DisableAntiforgery();

        app.MapGet("/culture", (string? culture, string? redirectUri, HttpContext http) =>
        {
            var chosen = Cultures.FirstOrDefault(c => c.Name == culture) ?? Cultures[0];
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.LocalRedirect(LocalUrl.OrRoot(redirectUri));
        });
        return app;
    }
}
