using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Components.Tests;

/// <summary>Runs in each state, as the run grain reports them.</summary>
internal static class RunStates
{
    private static readonly DateTimeOffset Created = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static RunInfo Of(RunStatus status)
    {
        var output = RunOutput.None with
        {
            Html = status == RunStatus.Succeeded ? "<p id='svar'>3 elever</p>" : "",
            Stdout = "stdout-text",
            Stderr = "stderr-text",
            ErrorSummary = status == RunStatus.Failed ? "Filen saknar kolumnen betyg." : null,
            Artifacts = status == RunStatus.Succeeded ? [new RunArtifact(0, "Resultat.xlsx", 2048, "ab")] : [],
        };
        return new RunInfo(
            Guid.NewGuid(), RunKind.Production, status, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
            status == RunStatus.Queued ? 2 : null, output, [new RunInputInfo("elever.csv", 20)], Created,
            status == RunStatus.Queued ? null : Created.AddSeconds(1),
            status >= RunStatus.Succeeded ? Created.AddSeconds(3.5) : null,
            "silo");
    }
}
