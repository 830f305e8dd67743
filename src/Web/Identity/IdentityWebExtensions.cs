using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Web.Localization;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Identity;

/// <summary>Authentication (session cookie), role policies, circuit revalidation, localization and the account endpoints.</summary>
public static class IdentityWebExtensions
{
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
        services.AddScoped<LiveSession>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<MyAccountService>();

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("sv");
            o.SupportedCultures = o.SupportedUICultures = CultureCookie.Cultures;
            // Swedish unless the person chose otherwise: the browser's language is not asked.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>Middleware in order: who the caller is, then what they may do (the culture runs earlier, UseSkriptoteketWeb).</summary>
    public static WebApplication UseSkriptoteketIdentity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapSkriptoteketAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/logout", async (HttpContext http, IAntiforgery antiforgery, AccountService account, IStringLocalizer<Strings> text) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest(text["Logout.CsrfInvalid"].Value);
            }
            await account.LogoutAsync(http);
            return Results.Redirect("/login");
        }).DisableAntiforgery();

        app.MapGet("/culture", async (string? culture, string? redirectUri, HttpContext http, IGrainFactory grains) =>
        {
            var chosen = CultureCookie.Supported(culture);
            CultureCookie.Append(http, chosen);
            if (http.User.ToActingUser() is { } me)
            {
                // Signed in: the choice is the account's, so the next login (on any device) starts in it.
                await grains.GetGrain<IUserAccountGrain>(me.UserId).UpdateProfileAsync(me, new ProfileChange(null, chosen.Name));
            }
            return Results.LocalRedirect(LocalUrl.OrRoot(redirectUri));
        });
        return app;
    }
}
