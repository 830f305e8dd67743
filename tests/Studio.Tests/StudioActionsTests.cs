using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Studio.Tests;

/// <summary>The studio's button rules (pure): visible, enabled, or disabled with a reason.</summary>
public sealed class StudioActionsTests
{
    private static readonly Guid Author = Guid.NewGuid();

    private static ToolVersionHeader V(int n, VersionState state, bool head = false, Guid? by = null, bool published = false) =>
        new(Guid.NewGuid(), Guid.NewGuid(), n, state, null, "run_tool", "h", "", null, by ?? Author, DateTimeOffset.UtcNow,
            null, null, published ? Guid.NewGuid() : null, published ? DateTimeOffset.UtcNow : null, head);

    [Fact]
    public void Submit_needs_a_saved_head_draft_without_problems()
    {
        var author = new ActingUser(Author, Role.Contributor);
        var draft = V(2, VersionState.Draft, head: true);

        Assert.Equal(ActionAvailability.Allowed, StudioActions.Submit(author, false, draft, unsavedChanges: false, problems: 0));
        Assert.Equal("Reason.SaveFirst", StudioActions.Submit(author, false, draft, unsavedChanges: true, problems: 0).DisabledReason);
        Assert.Equal("Reason.HasProblems", StudioActions.Submit(author, false, draft, unsavedChanges: false, problems: 2).DisabledReason);
        Assert.False(StudioActions.Submit(author, false, V(1, VersionState.Draft), false, 0).Visible);
        Assert.False(StudioActions.Submit(new ActingUser(Guid.NewGuid(), Role.Contributor), false, draft, false, 0).Visible);
        // Another's draft: for whoever works on the tool (an admin, or a maintainer of it, as ToolInfo.MayWorkOnTool says).
        Assert.True(StudioActions.Submit(new ActingUser(Guid.NewGuid(), Role.Admin), true, draft, false, 0).Visible);
        Assert.True(StudioActions.Submit(new ActingUser(Guid.NewGuid(), Role.Contributor), true, draft, false, 0).Visible);
        Assert.False(StudioActions.Submit(author, false, null, false, 0).Visible);
    }

    [Fact]
    public void Publishing_the_tool_needs_an_active_version_and_says_so()
    {
        var admin = new ActingUser(Guid.NewGuid(), Role.Admin);
        var tool = new ToolInfo(Guid.NewGuid(), new ToolMetadata("s", "T", "", "", ["larare"], ["ovrigt"]), false, false,
            null, null, null, Guid.NewGuid(), DateTimeOffset.UtcNow, [], [], true);

        Assert.Equal("Reason.NeedsActiveVersion", StudioActions.PublishTool(admin, tool).DisabledReason);
        Assert.True(StudioActions.PublishTool(admin, tool with { ActiveVersionId = Guid.NewGuid() }).Enabled);
        Assert.False(StudioActions.PublishTool(admin, tool with { IsPublished = true }).Visible);
        Assert.False(StudioActions.PublishTool(new ActingUser(Guid.NewGuid(), Role.Contributor), tool).Visible);
    }

    [Fact]
    public void The_editor_opens_the_newest_draft_the_actor_may_change()
    {
        var mine = V(3, VersionState.Draft, head: true);
        var others = V(4, VersionState.Draft, head: true, by: Guid.NewGuid());
        var versions = new[] { V(1, VersionState.Draft), mine, others, V(5, VersionState.InReview) };

        Assert.Equal(mine, StudioActions.DefaultDraft(new ActingUser(Author, Role.Contributor), false, versions));
        Assert.Equal(others, StudioActions.DefaultDraft(new ActingUser(Guid.NewGuid(), Role.Admin), true, versions));
        Assert.Equal(others, StudioActions.DefaultDraft(new ActingUser(Author, Role.Contributor), true, versions));
        Assert.Null(StudioActions.DefaultDraft(new ActingUser(Author, Role.Contributor), false, [V(1, VersionState.InReview)]));
    }
}
