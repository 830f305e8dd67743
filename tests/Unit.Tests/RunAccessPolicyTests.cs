using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
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
        Assert.Equal(allowed, RunAccessPolicy.MaySandboxRun(new ActingUser(own ? Author : Guid.NewGuid(), role), Author, []));

    [Theory]
    [InlineData(Role.User, false)]
    [InlineData(Role.Contributor, true)]
    public void Maintainers_sandbox_run_any_version_of_their_tool(Role role, bool allowed)
    {
        var maintainer = new ActingUser(Guid.NewGuid(), role);
        Assert.Equal(allowed, RunAccessPolicy.MaySandboxRun(maintainer, Author, [maintainer.UserId]));
        Assert.False(RunAccessPolicy.MaySandboxRun(new ActingUser(Guid.NewGuid(), Role.Contributor), Author, [maintainer.UserId]));
    }

    [Theory]
    [InlineData(Role.User, true, true)]
    [InlineData(Role.Contributor, false, false)]
    [InlineData(Role.Admin, false, true)]
    public void Runs_are_visible_to_their_requester_and_admins(Role role, bool own, bool visible) =>
        Assert.Equal(visible, RunAccessPolicy.MaySee(new ActingUser(own ? Author : Guid.NewGuid(), role), Author));

    [Theory]
    [InlineData(Role.User, RunKind.Production, true, false)]
    [InlineData(Role.Contributor, RunKind.Production, true, false)]
    [InlineData(Role.Contributor, RunKind.Sandbox, true, true)]
    [InlineData(Role.Contributor, RunKind.ExampleCheck, true, true)]
    [InlineData(Role.Contributor, RunKind.ExampleCheck, false, false)]
    [InlineData(Role.Contributor, RunKind.Sandbox, false, false)]
    [InlineData(Role.Admin, RunKind.Production, false, true)]
    [InlineData(Role.Superuser, RunKind.Production, false, true)]
    public void Logs_are_for_admins_and_own_sandbox_runs(Role role, RunKind kind, bool own, bool allowed) =>
        Assert.Equal(allowed, RunAccessPolicy.MaySeeLogs(new ActingUser(own ? Author : Guid.NewGuid(), role), kind, Author));

    /// <summary>Example checks follow the sandbox rules but are spelled apart (database, API, metrics label).</summary>
    [Theory]
    [InlineData(RunKind.Sandbox, "sandbox", true)]
    [InlineData(RunKind.Production, "production", false)]
    [InlineData(RunKind.ExampleCheck, "example_check", true)]
    public void Kinds_are_spelled_apart_and_example_checks_run_as_sandbox(RunKind kind, string spelled, bool asSandbox)
    {
        Assert.Equal(spelled, RunText.Kind(kind));
        Assert.Equal(asSandbox, kind.RunsAsSandbox());
    }
}
