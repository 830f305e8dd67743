using System.Net;

namespace Skriptoteket.Web.Tests;

/// <summary>The language switch redirects only within the site; hostile targets go to the start page, never a 500.</summary>
public sealed class IdentityCultureRedirectTests(IdentityHostFixture fixture) : IClassFixture<IdentityHostFixture>
{
    [Theory]
    [InlineData("/%5Cevil", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/login?returnUrl=%2Fadmin", "/login?returnUrl=/admin")]
    public async Task Culture_redirects_only_to_local_paths(string redirectUri, string expected)
    {
        using var anonymous = ApiUser.Anonymous(fixture.BaseAddress);

        using var response = await anonymous.GetAsync($"culture?culture=en&redirectUri={Uri.EscapeDataString(Uri.UnescapeDataString(redirectUri))}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }
}
