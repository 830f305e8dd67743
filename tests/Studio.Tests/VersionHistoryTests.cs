using Bunit;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Web.Components.Studio;

namespace Skriptoteket.Studio.Tests;

/// <summary>History rows: a button shows only when role and state allow it; a disabled one says why; numbering explained.</summary>
public sealed class VersionHistoryTests : StudioTestContext
{
    private static readonly ToolVersionHeader Reviewed = Version(2, VersionState.Archived, reviewed: true);
    private static readonly ToolVersionHeader InReview = Version(4, VersionState.InReview);

    private static IReadOnlyList<ToolVersionHeader> History()
    {
        var active = Version(3, VersionState.Archived, derivedFrom: Reviewed.Id, published: true, reviewed: true);
        return [Version(1, VersionState.Draft), Reviewed, active, InReview,
            Version(5, VersionState.Active, derivedFrom: active.Id, published: true)];
    }

    private IRenderedComponent<VersionHistory> Render(ActingUser actor, bool fourEyes = false) =>
        Context.Render<VersionHistory>(p => p.Add(h => h.Actor, actor).Add(h => h.WorksOnTool, actor.IsAtLeast(Role.Admin)).Add(h => h.Versions, History()).Add(h => h.RequireFourEyes, fourEyes));

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<VersionHistory> history, int number) =>
        history.Find($"tr[data-version='{number}']");

    [Fact]
    public void A_contributor_sees_no_review_publish_or_rollback_buttons()
    {
        var history = Render(As(Role.Contributor, Author));

        Assert.Empty(history.FindAll("[data-testid=publish-version]"));
        Assert.Empty(history.FindAll("[data-testid=request-changes]"));
        Assert.Empty(history.FindAll("[data-testid=rollback]"));
        Assert.Empty(history.FindAll("#studio-review-note"));
        Assert.Equal(5, history.FindAll("[data-testid=open-version]").Count);
    }

    [Fact]
    public void An_admin_reviews_only_the_version_in_review_and_sees_why_they_cannot_roll_back()
    {
        var history = Render(As(Role.Admin));

        Assert.Single(history.FindAll("[data-testid=publish-version]"));
        Assert.NotNull(Row(history, 4).QuerySelector("[data-testid=publish-version]"));
        Assert.NotNull(Row(history, 4).QuerySelector("[data-testid=request-changes]"));
        Assert.False(Row(history, 4).QuerySelector("[data-testid=publish-version]")!.HasAttribute("disabled"));
        // Rollback is found where it is looked for: in its place, who can.
        Assert.Empty(history.FindAll("[data-testid=rollback]"));
        Assert.Single(history.FindAll("[data-testid=rollback-reason]"));
        Assert.Contains("bara en superanvändare", Row(history, 3).QuerySelector("[data-testid=rollback-reason]")!.TextContent);
    }

    [Fact]
    public void States_are_named_as_on_the_versions_page()
    {
        var history = Context.Render<VersionHistory>(p => p.Add(h => h.Actor, As(Role.Admin)).Add(h => h.WorksOnTool, true)
            .Add(h => h.Versions, [Version(1, VersionState.Draft), Version(2, VersionState.Draft, head: true)]));

        Assert.Contains("Utkast (sparat över)", Row(history, 1).TextContent);
        Assert.Contains("Utkast", Row(history, 2).TextContent);
        Assert.DoesNotContain("sparat över", Row(history, 2).TextContent);
    }

    [Fact]
    public void A_superuser_may_roll_back_only_to_a_formerly_active_version()
    {
        var history = Render(As(Role.Superuser));

        var rollbacks = history.FindAll("[data-testid=rollback]");
        Assert.Single(rollbacks);
        Assert.NotNull(Row(history, 3).QuerySelector("[data-testid=rollback]"));
    }

    [Fact]
    public void With_four_eyes_the_author_sees_publish_disabled_with_the_reason()
    {
        var history = Render(As(Role.Admin, Author), fourEyes: true);

        var publish = Row(history, 4).QuerySelector("[data-testid=publish-version]")!;
        Assert.True(publish.HasAttribute("disabled"));
        Assert.Contains("annan administratör", Row(history, 4).QuerySelector("[data-testid=publish-reason]")!.TextContent);
        Assert.Contains("Fyraögonsprincipen", history.Find("[data-testid=four-eyes]").TextContent);
    }

    [Fact]
    public void Numbers_that_surprise_are_explained()
    {
        var history = Render(As(Role.Admin));

        Assert.Contains("v3 — publicerad från v2", Row(history, 3).TextContent);
        Assert.Contains("v5 — återställd från v3", Row(history, 5).TextContent);
        Assert.DoesNotContain("—", Row(history, 4).TextContent);
    }

    [Fact]
    public void The_author_sees_the_reviewers_requested_changes_beside_their_own_change_summary()
    {
        var requested = Version(2, VersionState.Archived, reviewed: true) with { ChangeSummary = "Räknar rader", ChangesRequested = "Lägg till rubriker" };
        var redo = Version(3, VersionState.Draft, head: true, derivedFrom: requested.Id) with { ChangeSummary = "Räknar rader" };
        var history = Context.Render<VersionHistory>(p => p.Add(h => h.Actor, As(Role.Contributor, Author)).Add(h => h.Versions, [requested, redo]));

        Assert.Equal("Begärda ändringar: Lägg till rubriker", Row(history, 2).QuerySelector("[data-testid=changes-requested]")!.TextContent.Trim());
        Assert.Contains("Räknar rader", Row(history, 2).TextContent);
        Assert.Null(Row(history, 3).QuerySelector("[data-testid=changes-requested]"));
    }
}
