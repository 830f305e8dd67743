using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Runs;

namespace Skriptoteket.Unit.Tests;

public sealed class RunAccessPolicyTests
{
    private static readonly Guid Author = Guid.NewGuid();

    [Theory]
    [InlineData(Role.User, false, false)]
    [InlineData(Role.Contributor, false, false)]
    [InlineData(Role.Contributor, true, true)]
    [InlineData(Role.Admin, false, true)]
    [InlineData(Role.Superuser, false, true)]
    public void Sandbox_runs_need_own_version_or_admin(Role role, bool own, bool allowed) =>
        Assert.Equal(allowed, RunAccessPolicy.MaySandboxRun(new ActingUser(own ? Author : Guid.NewGuid(), role), Author));

    [Theory]
    [InlineData(Role.User, true, true)]
    [InlineData(Role.Contributor, false, false)]
    [InlineData(Role.Admin, false, true)]
    public void Runs_are_visible_to_their_requester_and_admins(Role role, bool own, bool visible) =>
        Assert.Equal(visible, RunAccessPolicy.MaySee(new ActingUser(own ? Author : Guid.NewGuid(), role), Author));
}
