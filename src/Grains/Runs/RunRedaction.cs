using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Runs;

/// <summary>
/// Blanks what <see cref="RunAccessPolicy.MaySeeLogs"/> refuses (logs, the failure's exception text, the silo), where
/// the run data leaves the grains: a teacher sees the result, the author's own messages and a run reference only.
/// </summary>
internal static class RunRedaction
{
    public static RunInfo For(ActingUser user, RunInfo run) =>
        RunAccessPolicy.MaySeeLogs(user, run.Kind, run.RequestedBy)
            ? run
            : run with { Output = run.Output with { Stdout = "", Stderr = "", ErrorDetail = null }, Silo = null };

    public static IReadOnlyList<RunInfo> For(ActingUser user, IReadOnlyList<RunInfo> runs) =>
        [.. runs.Select(r => For(user, r))];
}
