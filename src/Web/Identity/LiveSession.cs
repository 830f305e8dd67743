using Microsoft.AspNetCore.Components.Authorization;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Identity;

/// <summary>
/// The circuit's session as it is now, not as the circuit remembers it: a circuit re-checks only every
/// revalidation interval, so a user demoted, deactivated or signed out elsewhere meanwhile must not act with the
/// old role. Every page action on accounts asks this first.
/// </summary>
public sealed class LiveSession(IGrainFactory grains, AuthenticationStateProvider authentication)
{
    /// <summary>The acting user (with the role the users table holds now) and the session's hash; FORBIDDEN when the session is gone.</summary>
    public async Task<(ActingUser Actor, string SessionHash)> RequireAsync()
    {
        var principal = (await authentication.GetAuthenticationStateAsync()).User;
        var hash = principal.FindFirst(SessionCookie.SessionHashClaim)?.Value;
        var remembered = principal.ToActingUser();
        var live = hash is null ? null : await grains.GetGrain<IAuthenticationGrain>(0).AuthenticateByHashAsync(hash);
        if (live is null || remembered is null || live.Id != remembered.UserId)
        {
            throw DomainException.Forbidden();
        }
        return (new ActingUser(live.Id, live.Role), hash!);
    }
}
