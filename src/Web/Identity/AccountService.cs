using Microsoft.AspNetCore.Http;
using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Web.Identity;

/// <summary>Login and logout over HTTP (the static login form, the /logout form and the JSON API).</summary>
public sealed class AccountService(IGrainFactory grains)
{
    private IAuthenticationGrain Authentication => grains.GetGrain<IAuthenticationGrain>(0);

    public async Task<LoginResult> LoginAsync(HttpContext http, string? email, string? password)
    {
        var result = await Authentication.LoginAsync(new LoginAttempt(email ?? "", password ?? "", Address(http))
        {
            Device = DeviceName.From(http.Request.Headers.UserAgent),
        });
        if (result.Succeeded)
        {
            // A fresh id at every login: a session id planted before login is never promoted.
            SessionCookie.Append(http, result.SessionToken!);
            if (result.User!.PreferredLanguage is { } language)
            {
                // The language the person chose (on any device) follows them to this one.
                CultureCookie.Append(http, CultureCookie.Supported(language));
            }
        }
        return result;
    }

    public async Task LogoutAsync(HttpContext http)
    {
        if (SessionCookie.Read(http) is { } token)
        {
            await Authentication.LogoutAsync(token, Address(http));
        }
        SessionCookie.Delete(http);
    }

    private static string? Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();
}
