using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Web.Security;
using System.Security.Claims;

namespace Skriptoteket.Unit.Tests;

public sealed class RoleHierarchyTests
{
    [Theory]
    [InlineData(Role.User, Role.User, true)]
    [InlineData(Role.User, Role.Contributor, false)]
    [InlineData(Role.Contributor, Role.User, true)]
    [InlineData(Role.Admin, Role.Superuser, false)]
    [InlineData(Role.Superuser, Role.Admin, true)]
    public void A_role_includes_every_role_before_it(Role actual, Role required, bool expected) =>
        Assert.Equal(expected, new ActingUser(Guid.NewGuid(), actual).IsAtLeast(required));

    [Fact]
    public void A_principal_with_id_and_role_claims_becomes_the_acting_user()
    {
        var id = Guid.NewGuid();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(SkriptoteketClaims.UserId, id.ToString()), new Claim(SkriptoteketClaims.Role, "contributor")],
            authenticationType: "test"));

        Assert.Equal(new ActingUser(id, Role.Contributor), principal.ToActingUser());
    }

    [Fact]
    public void An_anonymous_or_malformed_principal_is_no_acting_user()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());
        var badRole = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(SkriptoteketClaims.UserId, Guid.NewGuid().ToString()), new Claim(SkriptoteketClaims.Role, "root")],
            authenticationType: "test"));

        Assert.Null(anonymous.ToActingUser());
        Assert.Null(badRole.ToActingUser());
    }
}
