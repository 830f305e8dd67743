using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Runs;

/// <summary>Who may start, see and cancel which run (SPEC §1, §6). Anything refused answers "not found".</summary>
public static class RunAccessPolicy
{
    /// <summary>Admins sandbox-run any version; contributors only versions they created; users none.</summary>
    public static bool MaySandboxRun(ActingUser user, Guid versionCreatedBy) =>
        user.IsAtLeast(Role.Admin) || (user.Role == Role.Contributor && versionCreatedBy == user.UserId);

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
