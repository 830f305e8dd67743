using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Tools;

namespace Skriptoteket.Web.Tools;

/// <summary>
/// Whether a studio button shows, and if shown whether it is enabled or why not (a resource key of
/// StudioStrings). Mirrors the tool grain's rules (ToolPermissions, VersionTransitions), which decide again.
/// </summary>
public sealed record ActionAvailability(bool Visible, string? DisabledReason)
{
    public static readonly ActionAvailability Hidden = new(false, null);
    public static readonly ActionAvailability Allowed = new(true, null);

    public static ActionAvailability Disabled(string reasonKey) => new(true, reasonKey);

    public bool Enabled => Visible && DisabledReason is null;
}

public static class StudioActions
{
    /// <param name="worksOnTool">ToolInfo.MayWorkOnTool: an admin, or a maintainer of this tool (the grain's answer).</param>
    private static bool MayChange(ActingUser actor, bool worksOnTool, ToolVersionHeader v) =>
        worksOnTool || (actor.IsAtLeast(Role.Contributor) && v.CreatedBy == actor.UserId);

    /// <summary>Open a head draft in the editor: one's own, or any of a tool one works on (admins, its maintainers).</summary>
    public static ActionAvailability Edit(ActingUser actor, bool worksOnTool, ToolVersionHeader v) =>
        v is { State: VersionState.Draft, IsHead: true } && MayChange(actor, worksOnTool, v) ? ActionAvailability.Allowed : ActionAvailability.Hidden;

    /// <summary>Start a new draft from any version that is not itself an editable draft.</summary>
    public static ActionAvailability NewDraftFrom(ActingUser actor, ToolVersionHeader v) =>
        actor.IsAtLeast(Role.Contributor) && !(v is { State: VersionState.Draft, IsHead: true })
            ? ActionAvailability.Allowed
            : ActionAvailability.Hidden;

    /// <summary>Submit the editor's version: a head draft, saved, without problems.</summary>
    public static ActionAvailability Submit(ActingUser actor, bool worksOnTool, ToolVersionHeader? v, bool unsavedChanges, int problems)
    {
        if (v is null || v.State != VersionState.Draft || !v.IsHead || !MayChange(actor, worksOnTool, v))
        {
            return ActionAvailability.Hidden;
        }
        if (unsavedChanges)
        {
            return ActionAvailability.Disabled("Reason.SaveFirst");
        }
        return problems > 0 ? ActionAvailability.Disabled("Reason.HasProblems") : ActionAvailability.Allowed;
    }

    public static ActionAvailability RequestChanges(ActingUser actor, ToolVersionHeader v) =>
        actor.IsAtLeast(Role.Admin) && v.State == VersionState.InReview ? ActionAvailability.Allowed : ActionAvailability.Hidden;

    /// <summary>Publish a version in review; with four-eyes on, its author sees the button disabled and why.</summary>
    public static ActionAvailability Publish(ActingUser actor, ToolVersionHeader v, bool requireFourEyes)
    {
        if (!actor.IsAtLeast(Role.Admin) || v.State != VersionState.InReview)
        {
            return ActionAvailability.Hidden;
        }
        return requireFourEyes && v.CreatedBy == actor.UserId
            ? ActionAvailability.Disabled("Reason.FourEyes")
            : ActionAvailability.Allowed;
    }

    /// <summary>
    /// Roll back ("Återställ") to a formerly active version: superusers; an admin sees in its place who can,
    /// so the action is found where it is looked for.
    /// </summary>
    public static ActionAvailability Rollback(ActingUser actor, ToolVersionHeader v)
    {
        if (!actor.IsAtLeast(Role.Admin) || v.State != VersionState.Archived || v.PublishedAt is null)
        {
            return ActionAvailability.Hidden;
        }
        return actor.IsAtLeast(Role.Superuser) ? ActionAvailability.Allowed : ActionAvailability.Disabled("Reason.SuperuserOnly");
    }

    /// <summary>The drafts still open for editing (heads), other than <paramref name="except"/>: a new draft would stand beside them.</summary>
    public static IReadOnlyList<ToolVersionHeader> OpenDrafts(IEnumerable<ToolVersionHeader> versions, ToolVersionHeader except) =>
        versions.Where(v => v is { State: VersionState.Draft, IsHead: true } && v.Id != except.Id).OrderBy(v => v.Number).ToList();

    /// <summary>"Publicera i katalogen": admins; needs an active version.</summary>
    public static ActionAvailability PublishTool(ActingUser actor, ToolInfo tool)
    {
        if (!actor.IsAtLeast(Role.Admin) || tool.IsPublished)
        {
            return ActionAvailability.Hidden;
        }
        return tool.ActiveVersionId is null ? ActionAvailability.Disabled("Reason.NeedsActiveVersion") : ActionAvailability.Allowed;
    }

    /// <summary>The head draft the editor opens by default: the newest one the actor may change.</summary>
    public static ToolVersionHeader? DefaultDraft(ActingUser actor, bool worksOnTool, IEnumerable<ToolVersionHeader> versions) =>
        versions.Where(v => Edit(actor, worksOnTool, v).Enabled).OrderByDescending(v => v.Number).FirstOrDefault();
}
