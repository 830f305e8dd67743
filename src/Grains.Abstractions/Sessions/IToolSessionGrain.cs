using Orleans.Concurrency;
using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Abstractions.Sessions;

/// <summary>
/// One person's session with one tool (key: <see cref="ToolSessionKey"/>), the single writer of its steps
/// (docs/adr/0016-tool-sessions.md). A session opens when a run of the tool offers next steps; every step is a
/// new run in a new container that gets the state, the step's checked values and the session's files. Only the
/// session's owner reaches it; anyone else gets "not found".
/// </summary>
[Alias("Skriptoteket.IToolSessionGrain")]
public interface IToolSessionGrain : IGrainWithStringKey
{
    /// <summary>The session as it is now (an empty session when none is open).</summary>
    [Alias("Get")]
    Task<ToolSessionInfo> GetAsync(ActingUser user);

    /// <summary>
    /// Takes a step offered by the session's latest finished run. Refused (Conflict, "Session.Stale") when
    /// <see cref="StepRequest.FromRunId"/> is not that run or a step is still running, so a stale tab or a
    /// double click never starts a second step; values are checked against the step's own form before any
    /// container starts. A repeat with the same start key answers with the step already started.
    /// </summary>
    [Alias("TakeStep")]
    Task<ToolSessionInfo> TakeStepAsync(ActingUser user, StepRequest request);

    /// <summary>"Börja om": ends the session and deletes its files.</summary>
    [Alias("Clear")]
    Task<ToolSessionInfo> ClearAsync(ActingUser user);

    /// <summary>Told by a run of this session (or one that opens it) that it finished; the grain reads the run itself.</summary>
    [Alias("RunFinished"), OneWay]
    Task RunFinishedAsync(Guid runId);
}
