using Skriptoteket.Grains.Abstractions.Sessions;
using Skriptoteket.Web.Identity;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Runs;

/// <summary>
/// Pages' way to the person's own tool sessions (docs/adr/0016-tool-sessions.md): supplies the acting user to every
/// call. A teacher's session is keyed by the tool (the run page); the studio's sandbox session by the version
/// (<see cref="ToolSessionKey.Sandbox"/>), so testing never touches a teacher's session.
/// </summary>
public sealed class SessionService(IGrainFactory grains, CurrentUser currentUser)
{
    public Task<ToolSessionInfo> GetAsync(Guid toolId) => GetAsync(ToolSessionKey.Production, toolId);

    /// <summary>Takes a step the page shows (<see cref="StepRequest.FromRunId"/>: the run whose offer it is); refused as stale otherwise.</summary>
    public Task<ToolSessionInfo> TakeStepAsync(Guid toolId, StepRequest request) =>
        TakeStepAsync(ToolSessionKey.Production, toolId, request with { SnapshotSource = null, SnapshotEntrypoint = null });

    /// <summary>"Börja om".</summary>
    public Task<ToolSessionInfo> ClearAsync(Guid toolId) => ClearAsync(ToolSessionKey.Production, toolId);

    /// <summary>The sandbox session with a version (the studio).</summary>
    public Task<ToolSessionInfo> GetSandboxAsync(Guid versionId) => GetAsync(ToolSessionKey.Sandbox, versionId);

    /// <summary>A sandbox step; <see cref="StepRequest.SnapshotSource"/> runs the editor's unsaved text instead of the version's.</summary>
    public Task<ToolSessionInfo> TakeSandboxStepAsync(Guid versionId, StepRequest request) =>
        TakeStepAsync(ToolSessionKey.Sandbox, versionId, request);

    /// <summary>"Börja om" in the sandbox.</summary>
    public Task<ToolSessionInfo> ClearSandboxAsync(Guid versionId) => ClearAsync(ToolSessionKey.Sandbox, versionId);

    private async Task<ToolSessionInfo> GetAsync(Func<Guid, Guid, string> key, Guid subject)
    {
        var (user, session) = await GrainAsync(key, subject);
        return await session.GetAsync(user);
    }

    private async Task<ToolSessionInfo> TakeStepAsync(Func<Guid, Guid, string> key, Guid subject, StepRequest request)
    {
        var (user, session) = await GrainAsync(key, subject);
        return await session.TakeStepAsync(user, request);
    }

    private async Task<ToolSessionInfo> ClearAsync(Func<Guid, Guid, string> key, Guid subject)
    {
        var (user, session) = await GrainAsync(key, subject);
        return await session.ClearAsync(user);
    }

    private async Task<(Grains.Abstractions.Identity.ActingUser User, IToolSessionGrain Session)> GrainAsync(Func<Guid, Guid, string> key, Guid subject)
    {
        var user = await currentUser.GetAsync();
        return (user, grains.GetGrain<IToolSessionGrain>(key(subject, user.UserId)));
    }
}
