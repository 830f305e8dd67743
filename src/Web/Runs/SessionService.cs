using Skriptoteket.Grains.Abstractions.Sessions;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Runs;

/// <summary>Pages' way to the person's own tool sessions (docs/adr/0016-tool-sessions.md): supplies the acting user to every call.</summary>
public sealed class SessionService(IGrainFactory grains, CurrentUser currentUser)
{
    public async Task<ToolSessionInfo> GetAsync(Guid toolId)
    {
        var (user, session) = await GrainAsync(toolId);
        return await session.GetAsync(user);
    }

    /// <summary>Takes a step the page shows (<see cref="StepRequest.FromRunId"/>: the run whose offer it is); refused as stale otherwise.</summary>
    public async Task<ToolSessionInfo> TakeStepAsync(Guid toolId, StepRequest request)
    {
        var (user, session) = await GrainAsync(toolId);
        return await session.TakeStepAsync(user, request);
    }

    /// <summary>"Börja om".</summary>
    public async Task<ToolSessionInfo> ClearAsync(Guid toolId)
    {
        var (user, session) = await GrainAsync(toolId);
        return await session.ClearAsync(user);
    }

    private async Task<(Grains.Abstractions.Identity.ActingUser User, IToolSessionGrain Session)> GrainAsync(Guid toolId)
    {
        var user = await currentUser.GetAsync();
        return (user, grains.GetGrain<IToolSessionGrain>(ToolSessionKey.Production(toolId, user.UserId)));
    }
}
