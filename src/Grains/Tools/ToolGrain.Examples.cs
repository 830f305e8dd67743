using Microsoft.Extensions.Logging;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Tools.Examples;

namespace Skriptoteket.Grains.Tools;

/// <summary>The tool grain's side of worked examples: queue checks on save and submit, ask for a note at publish.</summary>
internal sealed partial class ToolGrain
{
    private IToolExamplesGrain Examples => GrainFactory.GetGrain<IToolExamplesGrain>(ToolId);

    /// <summary>
    /// After the version is committed: a failure to queue must not undo a save that happened, so it is logged
    /// (the next save or the submit queues the checks again) and the author sees no check for the version.
    /// </summary>
    private async Task QueueExampleChecksAsync(ActingUser actor, Guid versionId, Guid? supersedes, bool onlyMissing)
    {
        try
        {
            await Examples.QueueChecksAsync(actor, versionId, supersedes, onlyMissing);
        }
        catch (Exception ex) when (ex is not DomainException)
        {
            logger.LogError(ex, "Tool {ToolId}: example checks for version {VersionId} could not be queued", ToolId, versionId);
        }
    }

    /// <summary>
    /// The version's example statuses for the audit log, and the note; refused without a note when any check
    /// changed, failed or has not ended yet (docs/adr/0012-worked-examples.md).
    /// </summary>
    private async Task<(List<string> Statuses, string? Note)> ExampleChecksForPublishAsync(Guid versionId, string? note)
    {
        var checks = await Examples.ChecksForPublishAsync(versionId);
        var valid = ExampleRules.Note(note);
        var needing = checks.Where(c => c.NeedsNote).ToList();
        if (needing.Count > 0 && valid is null)
        {
            var names = string.Join(", ", needing.Select(c => $"\"{c.ExampleName}\" ({StatusText(c.Status)})"));
            throw DomainException.Invalid(
                $"Exempel har ändrats, misslyckats eller körs fortfarande: {names}. Skriv en anteckning om exemplen för att publicera ändå.",
                "Examples.NoteRequired", names);
        }
        return ([.. checks.Select(c => $"{c.ExampleName}: {StatusText(c.Status)}")], valid);
    }

    public static string StatusText(ExampleCheckStatus status) => status switch
    {
        ExampleCheckStatus.Pending => "körs",
        ExampleCheckStatus.Unchanged => "oförändrat",
        ExampleCheckStatus.Changed => "ändrat",
        ExampleCheckStatus.Failed => "misslyckades",
        _ => "inget förväntat resultat",
    };
}
