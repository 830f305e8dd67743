using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Logging;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Identity;

/// <summary>
/// A circuit outlives the request that opened it; every 30 seconds it asks whether its session is still live
/// (not logged out, not revoked by deactivation or a role change), and signs the circuit out if not.
/// </summary>
public sealed class SessionRevalidatingStateProvider(ILoggerFactory loggerFactory, IGrainFactory grains)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var principal = authenticationState.User;
        var hash = principal.FindFirst(SessionCookie.SessionHashClaim)?.Value;
        var acting = principal.ToActingUser();
        if (hash is null || acting is null)
        {
            return principal.Identity?.IsAuthenticated != true;
        }
        var user = await grains.GetGrain<IAuthenticationGrain>(0).AuthenticateByHashAsync(hash);
        return user is not null && user.Id == acting.UserId && user.Role == acting.Role;
    }
}
