using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Tools;

namespace Skriptoteket.Grains.Tools;

/// <summary>Who may see and do what with a tool and its versions (SPEC §1, pure).</summary>
public static class ToolPermissions
{
    /// <summary>Users see only published, runnable tools; contributors and above see every tool's metadata.</summary>
    public static bool CanSeeTool(ActingUser actor, bool publishedAndRunnable) =>
        publishedAndRunnable || actor.IsAtLeast(Role.Contributor);

    /// <summary>
    /// A named maintainer of the tool (issue 22): a contributor or above whom an admin named. The role comes from
    /// the session, so a maintainer whose role was lowered to user loses the tool at once.
    /// </summary>
    public static bool IsMaintainer(ActingUser actor, IReadOnlyCollection<Guid> maintainers) =>
        actor.IsAtLeast(Role.Contributor) && maintainers.Contains(actor.UserId);

    /// <summary>
    /// Works on the whole script of the tool: every version, any draft, the examples. Admins on every tool,
    /// maintainers on theirs. Publishing, rollback and the catalog flag stay with admins (CanManage).
    /// </summary>
    public static bool CanWorkOnTool(ActingUser actor, IReadOnlyCollection<Guid> maintainers) =>
        actor.IsAtLeast(Role.Admin) || IsMaintainer(actor, maintainers);

    /// <summary>Admins and the tool's maintainers see every version; other contributors only the versions they created.</summary>
    public static bool CanSeeVersion(ActingUser actor, ToolVersionHeader version, IReadOnlyCollection<Guid> maintainers) =>
        CanWorkOnTool(actor, maintainers) || (actor.IsAtLeast(Role.Contributor) && version.CreatedBy == actor.UserId);

    public static bool CanAuthor(ActingUser actor) => actor.IsAtLeast(Role.Contributor);

    /// <summary>Save or submit: contributors only their own drafts, admins and the tool's maintainers any.</summary>
    public static bool CanChangeDraft(ActingUser actor, ToolVersionHeader version, IReadOnlyCollection<Guid> maintainers) =>
        CanSeeVersion(actor, version, maintainers);

    /// <summary>Worked examples: add, rename, delete, accept a result (admins, the tool's maintainers).</summary>
    public static bool CanManageExamples(ActingUser actor, IReadOnlyCollection<Guid> maintainers) =>
        CanWorkOnTool(actor, maintainers);

    /// <summary>Metadata, catalog flag, request changes, naming maintainers.</summary>
    public static bool CanManage(ActingUser actor) => actor.IsAtLeast(Role.Admin);

    /// <summary>Who can be named maintainer: an active account of contributor or above (a plain user cannot write scripts).</summary>
    public static bool CanBeMaintainer(Role role, bool isActive) => isActive && role >= Role.Contributor;

    /// <summary>Publishing a version; with the four-eyes rule its author may not publish it.</summary>
    public static bool CanPublishVersion(ActingUser actor, ToolVersionHeader version, bool requireFourEyes) =>
        actor.IsAtLeast(Role.Admin) && !(requireFourEyes && version.CreatedBy == actor.UserId);

    public static bool CanRollback(ActingUser actor) => actor.IsAtLeast(Role.Superuser);
}
