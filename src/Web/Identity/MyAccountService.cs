using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Web.Identity;

/// <summary>"Mitt konto": the signed-in person's own profile, password and sessions, acting as the live session.</summary>
public sealed class MyAccountService(IGrainFactory grains, LiveSession session)
{
    public async Task<UserInfo> GetAsync()
    {
        var (me, _) = await session.RequireAsync();
        return await Account(me).GetAsync(me);
    }

    public async Task<UserInfo> UpdateProfileAsync(ProfileChange change)
    {
        var (me, _) = await session.RequireAsync();
        return await Account(me).UpdateProfileAsync(me, change);
    }

    /// <summary>Changes the password; this session stays, every other one ends.</summary>
    public async Task ChangePasswordAsync(string? current, string? next)
    {
        var (me, hash) = await session.RequireAsync();
        await Account(me).ChangePasswordAsync(me, new PasswordChange(current ?? "", next ?? "", hash));
    }

    public async Task<IReadOnlyList<SessionInfo>> SessionsAsync()
    {
        var (me, hash) = await session.RequireAsync();
        return await Account(me).ListSessionsAsync(me, hash);
    }

    public async Task EndSessionAsync(Guid sessionId)
    {
        var (me, _) = await session.RequireAsync();
        await Account(me).EndSessionAsync(me, sessionId);
    }

    public async Task<int> EndOtherSessionsAsync()
    {
        var (me, hash) = await session.RequireAsync();
        return await Account(me).EndOtherSessionsAsync(me, hash);
    }

    private IUserAccountGrain Account(ActingUser me) => grains.GetGrain<IUserAccountGrain>(me.UserId);
}
