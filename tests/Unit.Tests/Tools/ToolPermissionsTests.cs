using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Tools;

namespace Skriptoteket.Unit.Tests.Tools;

public sealed class ToolPermissionsTests
{
    private static readonly Guid Author = Guid.NewGuid();

    private static ToolVersionHeader Version(VersionState state = VersionState.Draft) => new(Guid.NewGuid(), Guid.NewGuid(), 1, state,
        null, "run_tool", new string('0', 64), "", null, Author, DateTimeOffset.UnixEpoch, null, null, null, null, true);

    private static ActingUser As(Role role, Guid? id = null) => new(id ?? Guid.NewGuid(), role);

    [Theory]
    [InlineData(Role.User, false, false)]
    [InlineData(Role.User, true, true)]
    [InlineData(Role.Contributor, false, true)]
    [InlineData(Role.Admin, false, true)]
    [InlineData(Role.Superuser, false, true)]
    public void Users_see_only_published_runnable_tools(Role role, bool publishedAndRunnable, bool expected) =>
        Assert.Equal(expected, ToolPermissions.CanSeeTool(As(role), publishedAndRunnable));

    [Theory]
    [InlineData(Role.User, true, false)]
    [InlineData(Role.Contributor, true, true)]
    [InlineData(Role.Contributor, false, false)]
    [InlineData(Role.Admin, false, true)]
    [InlineData(Role.Superuser, false, true)]
    public void Versions_are_visible_and_changeable_to_their_author_and_to_admins(Role role, bool isAuthor, bool expected)
    {
        var actor = As(role, isAuthor ? Author : null);
        Assert.Equal(expected, ToolPermissions.CanSeeVersion(actor, Version(), []));
        Assert.Equal(expected, ToolPermissions.CanChangeDraft(actor, Version(), []));
    }

    [Theory]
    [InlineData(Role.User, false)]
    [InlineData(Role.Contributor, true)]
    [InlineData(Role.Admin, true)]
    public void A_maintainer_works_on_every_version_of_the_tool_and_its_examples_but_never_manages_it(Role role, bool works)
    {
        var maintainer = As(role);
        Guid[] maintainers = [maintainer.UserId];
        Assert.Equal(works, ToolPermissions.CanWorkOnTool(maintainer, maintainers));
        Assert.Equal(works, ToolPermissions.CanSeeVersion(maintainer, Version(), maintainers));
        Assert.Equal(works, ToolPermissions.CanChangeDraft(maintainer, Version(), maintainers));
        Assert.Equal(works, ToolPermissions.CanManageExamples(maintainer, maintainers));
        Assert.Equal(role >= Role.Admin, ToolPermissions.CanManage(maintainer));
        // Another tool's maintainers do not include this person: only the own drafts rule is left.
        var other = As(Role.Contributor);
        Assert.False(ToolPermissions.CanWorkOnTool(other, maintainers));
        Assert.False(ToolPermissions.CanChangeDraft(other, Version(), maintainers));
        Assert.False(ToolPermissions.CanManageExamples(other, maintainers));
    }

    [Theory]
    [InlineData(Role.User, true, false)]
    [InlineData(Role.Contributor, true, true)]
    [InlineData(Role.Contributor, false, false)]
    [InlineData(Role.Admin, true, true)]
    public void Only_active_contributors_and_above_can_be_maintainers(Role role, bool active, bool expected) =>
        Assert.Equal(expected, ToolPermissions.CanBeMaintainer(role, active));

    [Theory]
    [InlineData(Role.User, false, false, false, false)]
    [InlineData(Role.Contributor, true, false, false, false)]
    [InlineData(Role.Admin, true, true, true, false)]
    [InlineData(Role.Superuser, true, true, true, true)]
    public void Role_matrix(Role role, bool author, bool manage, bool publish, bool rollback)
    {
        var actor = As(role);
        Assert.Equal(author, ToolPermissions.CanAuthor(actor));
        Assert.Equal(manage, ToolPermissions.CanManage(actor));
        Assert.Equal(publish, ToolPermissions.CanPublishVersion(actor, Version(VersionState.InReview), requireFourEyes: false));
        Assert.Equal(rollback, ToolPermissions.CanRollback(actor));
    }

    [Fact]
    public void With_four_eyes_the_author_may_not_publish_but_another_admin_may()
    {
        var version = Version(VersionState.InReview);
        Assert.False(ToolPermissions.CanPublishVersion(As(Role.Admin, Author), version, requireFourEyes: true));
        Assert.False(ToolPermissions.CanPublishVersion(As(Role.Superuser, Author), version, requireFourEyes: true));
        Assert.True(ToolPermissions.CanPublishVersion(As(Role.Admin), version, requireFourEyes: true));
        Assert.True(ToolPermissions.CanPublishVersion(As(Role.Admin, Author), version, requireFourEyes: false));
    }
}
