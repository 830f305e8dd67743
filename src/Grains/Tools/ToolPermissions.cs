using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Tools;

namespace Skriptoteket.Grains.Tools;

/// <summary>Who may see and do what with a tool and its versions (SPEC §1, pure).</summary>
public static class ToolPermissions
{
    /// <summary>Users see only published, runnable tools; contributors and above see every tool's metadata.</summary>
    public static bool CanSeeTool(ActingUser actor, bool publishedAndRunnable) =>
        publishedAndRunnable || actor.IsAtLeast(Role.Contributor);

    /// <summary>Admins see every version; contributors only the versions they created.</summary>
    public static bool CanSeeVersion(ActingUser actor, ToolVersionHeader version) =>
        actor.IsAtLeast(Role.Admin) || (actor.IsAtLeast(Role.Contributor) && version.CreatedBy == actor.UserId);

    public static bool CanAuthor(ActingUser actor) => actor.IsAtLeast(Role.Contributor);

    /// <summary>Save or submit: contributors only their own drafts, admins any.</summary>
    public static bool CanChangeDraft(ActingUser actor, ToolVersionHeader version) =>
        actor.IsAtLeast(Role.Admin) || (actor.IsAtLeast(Role.Contributor) && version.CreatedBy == actor.UserId);

    /// <summary>Metadata, catalog flag, request changes.</summary>
    public static bool CanManage(ActingUser actor) => actor.IsAtLeast(Role.Admin);

    /// <summary>Publishing a version; with the four-eyes rule its author may not publish it.</summary>
    public static bool CanPublishVersion(ActingUser actor, ToolVersionHeader version, bool requireFourEyes) =>
        actor.IsAtLeast(Role.Admin) && !(requireFourEyes && version.CreatedBy == actor.UserId);

    public static bool CanRollback(ActingUser actor) => actor.IsAtLeast(Role.Superuser);
}
