using Skriptoteket.Grains.Abstractions.Sessions;

namespace Skriptoteket.Web.Api.Runs;

/// <summary>
/// A tool session as the JSON API shows it to its owner (docs/adr/0016-tool-sessions.md): the runs so far, the run
/// whose offer a step answers (<see cref="LatestRunId"/>, the <c>fromRunId</c> of the next step), the steps offered
/// with their forms, the files kept for later steps. <see cref="Open"/> false: no session (never opened or ended).
/// The kind is the domain's enum, spelled by the host's JSON options ("production", "sandbox") as a run's kind is.
/// </summary>
public sealed record SessionResponse(
    bool Open,
    SessionKind Kind,
    Guid? ToolId,
    Guid? VersionId,
    IReadOnlyList<Guid> RunIds,
    Guid? LatestRunId,
    bool StepRunning,
    int StepsTaken,
    int? StepsTotal,
    IReadOnlyList<NextStep> NextSteps,
    IReadOnlyList<SessionFileResponse> Files,
    DateTimeOffset? ExpiresAt)
{
    public static SessionResponse From(ToolSessionInfo s) => new(
        s.IsOpen, s.Kind, s.ToolId, s.VersionId, s.RunIds, s.LatestRunId,
        s.StepRunning, s.StepsTaken, s.StepsTotal, s.NextSteps,
        [.. s.Files.Select(f => new SessionFileResponse(f.Name, f.Bytes, f.KeptByScript))], s.ExpiresAt);
}

/// <summary>A file kept for the session's later steps: uploaded by the teacher, or kept by the script.</summary>
public sealed record SessionFileResponse(string Name, long Bytes, bool KeptByScript);

/// <summary>
/// POST …/session/steps: the run whose offer the step answers (the page's view), the step's name, its values (a JSON
/// object, name → value) and the start's key (a repeat with the same key answers with the same step). A sandbox step
/// may carry the editor's unsaved text (source, entrypoint), which runs instead of the version's.
/// </summary>
public sealed record StepRequestBody(Guid FromRunId, string Step, System.Text.Json.JsonElement? Values, string? StartKey,
    string? Source = null, string? Entrypoint = null);
