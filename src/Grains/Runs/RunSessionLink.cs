using Microsoft.Extensions.Logging;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Sessions;

namespace Skriptoteket.Grains.Runs;

/// <summary>
/// What a run has to do with tool sessions (docs/adr/0016-tool-sessions.md), kept beside the run grain: which
/// session a finished run reports to, the files it keeps for the session's later steps, and the check of a step's
/// run against the session it names.
/// </summary>
internal sealed class RunSessionLink(ArtifactStore artifacts, IGrainFactory grains, ILogger<RunSessionLink> logger)
{
    /// <summary>The session a finished run reports to: the one it is a step of, or the one it opens by offering steps.</summary>
    public static string? SessionKeyOf(RunInfo run) => run.SessionKey ?? (!OffersSteps(run) ? null : run.Kind switch
    {
        RunKind.Production => ToolSessionKey.Production(run.ToolId, run.RequestedBy),
        RunKind.Sandbox => ToolSessionKey.Sandbox(run.VersionId, run.RequestedBy),
        _ => null,
    });

    /// <summary>
    /// Whether the run's uploads are kept in memory until it finishes: a first run may open a session, and production
    /// inputs are stored only when it does (they become the session's files).
    /// </summary>
    public static bool MayOpenSession(RunRequest request) => request.Session is null
        && (request.Kind is RunKind.Production or RunKind.Sandbox || (request.Kind == RunKind.ExampleCheck && request.OpensCheckSession));

    /// <summary>
    /// The session a run belongs to from its start: a step's session, or the check session an example check's first run
    /// opens (keyed by the run itself, so no caller names it); null for a run that opens a session only if it offers steps.
    /// </summary>
    public static string? SessionKeyAtStart(RunRequest request, Guid runId) => request.Session?.SessionKey
        ?? (request.Kind == RunKind.ExampleCheck && request.OpensCheckSession ? ToolSessionKey.ExampleCheck(runId, request.RequestedBy.UserId) : null);

    public static bool OffersSteps(RunInfo run) => run.Status == RunStatus.Succeeded && run.Output.NextSteps.Any();

    /// <summary>Stores the opening uploads and the files the script kept; a failure is logged (the step then runs without them).</summary>
    public async Task KeepSessionFilesAsync(Guid runId, IReadOnlyList<RunInputFile> openingUploads, RunInfo run)
    {
        try
        {
            await artifacts.SaveSessionUploadsAsync(runId, openingUploads);
            await artifacts.KeepForSessionAsync(runId, run.Output.KeptFiles);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
        {
            // The run's outcome stands; its next step then runs without these files.
            logger.LogError(e, "Session files of run {RunId} could not be stored", runId);
        }
    }

    /// <summary>One way: the session grain reads the run itself, and catches up on its own should this be lost.</summary>
    public Task TellSessionAsync(string sessionKey, Guid runId) =>
        grains.GetGrain<IToolSessionGrain>(sessionKey).RunFinishedAsync(runId);

    /// <summary>
    /// A step's run: its values were checked by the session grain against the step's form; the session must be the
    /// requester's own, with this tool (production), this version (sandbox) or an example check of the requester (whose
    /// session grain took the version from the check's first run). Anything else is a programming error.
    /// </summary>
    public static string StepValues(RunRequest request, RunSessionStep step, ToolVersionToRun version)
    {
        var key = ToolSessionKey.Parse(step.SessionKey);
        var fits = key is { } k && k.UserId == request.RequestedBy.UserId && request.Inputs.Count == 0
                   && k.Kind switch
                   {
                       SessionKind.Production => request.Kind == RunKind.Production && k.Subject == version.ToolId,
                       SessionKind.Sandbox => request.Kind == RunKind.Sandbox && k.Subject == version.VersionId,
                       _ => request.Kind == RunKind.ExampleCheck,
                   };
        return fits ? request.FieldValuesJson ?? "{}" : throw new InvalidOperationException($"Run started as a step of session {step.SessionKey} it does not belong to");
    }
}
