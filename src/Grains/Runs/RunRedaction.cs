using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Runs;

/// <summary>Blanks what <see cref="RunAccessPolicy.MaySeeLogs"/> refuses, where the run data leaves the grains.</summary>
internal static class RunRedaction
{
    public static RunInfo For(ActingUser user, RunInfo run) =>
        RunAccessPolicy.MaySeeLogs(user, run.Kind, run.RequestedBy)
            ? run
            : run with { Output = run.Output with { Stdout = "", Stderr = "" }, Silo = null };

    public static IReadOnlyList<RunInfo> For(ActingUser user, IReadOnlyList<RunInfo> runs) =>
        [.. runs.Select(r => For(user, r))];
}
