using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Tools;

namespace Skriptoteket.Grains.Runs;

/// <summary>Who may start, see and cancel which run (SPEC §1, §6). Anything refused answers "not found".</summary>
public static class RunAccessPolicy
{
    /// <summary>
    /// Admins sandbox-run any version; contributors the versions they created and every version of a tool they
    /// maintain (issue 22, ToolPermissions.IsMaintainer); users none.
    /// </summary>
    public static bool MaySandboxRun(ActingUser user, Guid versionCreatedBy, IReadOnlyCollection<Guid> toolMaintainers) =>
        user.IsAtLeast(Role.Admin) || (user.Role == Role.Contributor && versionCreatedBy == user.UserId)
        || ToolPermissions.IsMaintainer(user, toolMaintainers);

    /// <summary>A run is visible to its requester and to admins.</summary>
    public static bool MaySee(ActingUser user, Guid requestedBy) =>
        user.IsAtLeast(Role.Admin) || user.UserId == requestedBy;

    /// <summary>
    /// Logs (stdout, stderr, silo) are for admins and for authors testing their own sandbox runs; users of a
    /// production run see the HTML result and the friendly error only (SPEC §6).
    /// </summary>
    public static bool MaySeeLogs(ActingUser user, RunKind kind, Guid requestedBy) =>
        user.IsAtLeast(Role.Admin) || (kind.RunsAsSandbox() && user.UserId == requestedBy);

    public static bool MayCancel(ActingUser user, Guid requestedBy) => MaySee(user, requestedBy);
}
