using Skriptoteket.Web.Api.Identity;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Web.Components.Pages.Account;
using Skriptoteket.Web.Identity;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Unit.Tests;

public sealed class IdentityWebPolicyTests
{
    [Fact]
    public void The_navigation_shows_only_what_each_role_may_use()
    {
        string[] Hrefs(Role? role) => NavigationPolicy.For(role).Select(i => i.Href).ToArray();

        Assert.Equal(["/"], Hrefs(null));
        Assert.Equal(["/", "/my-runs", "/account"], Hrefs(Role.User));
        Assert.Equal(["/", "/my-runs", "/account", "/suggestions/new", "/suggestions/mine", "/my-drafts", "/my-tools"], Hrefs(Role.Contributor));
        Assert.Equal(
            ["/", "/my-runs", "/account", "/suggestions/new", "/suggestions/mine", "/my-drafts", "/my-tools", "/admin/suggestions", "/admin/tools",
             "/admin/runs", "/admin/insights", "/admin/users", "/dashboard"],
            Hrefs(Role.Admin));
        Assert.Equal(NavigationPolicy.All.Select(i => i.Href), Hrefs(Role.Superuser));
    }

    [Fact]
    public void The_csrf_token_is_bound_to_its_session()
    {
        var token = SessionCookie.CsrfTokenFor("session-a");

        Assert.True(SessionCookie.CsrfMatches("session-a", token));
        Assert.False(SessionCookie.CsrfMatches("session-b", token));
        Assert.False(SessionCookie.CsrfMatches("session-a", null));
        Assert.False(SessionCookie.CsrfMatches("session-a", ""));
        Assert.NotEqual(SessionCookie.HashHex("session-a"), token);
    }

    [Theory]
    [InlineData("/admin/users", "/admin/users")]
    [InlineData("/my-runs?page=2", "/my-runs?page=2")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("/login", "/")]
    [InlineData(null, "/")]
    [InlineData("/", "/")]
    [InlineData("/\\evil", "/")]
    public void Login_redirects_only_within_the_site(string? returnUrl, string expected) =>
        Assert.Equal(expected, Login.SafeReturnUrl(returnUrl));

    [Theory]
    [InlineData("user", Role.User)]
    [InlineData("Contributor", Role.Contributor)]
    [InlineData("superuser", Role.Superuser)]
    public void Api_roles_parse(string value, Role expected) => Assert.Equal(expected, IdentityJson.ParseRole(value));

    [Theory]
    [InlineData("root")]
    [InlineData("2")]
    [InlineData(null)]
    public void Unknown_api_roles_are_a_validation_error(string? value) =>
        Assert.Equal(ErrorCode.Validation, Assert.Throws<DomainException>(() => IdentityJson.ParseRole(value)).Code);
}
