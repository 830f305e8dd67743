using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;

namespace Skriptoteket.Web.Identity;

/// <summary>The language cookie the request localization reads: set by /culture and, from the saved choice, at login.</summary>
public static class CultureCookie
{
    public static readonly CultureInfo[] Cultures = [new("sv"), new("en")];

    /// <summary>The supported culture named, or Swedish.</summary>
    public static CultureInfo Supported(string? name) => Cultures.FirstOrDefault(c => c.Name == name) ?? Cultures[0];

    public static void Append(HttpContext http, CultureInfo culture) =>
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
}
