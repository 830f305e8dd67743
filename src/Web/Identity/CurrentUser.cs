using Microsoft.AspNetCore.Components.Authorization;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Identity;

/// <summary>
/// The acting user of the current circuit or request, read from AuthenticationStateProvider (never
/// IHttpContextAccessor in interactive components). Per-area services use it to supply the acting user.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication, LiveSession live)
{
    public async Task<ActingUser?> FindAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.ToActingUser();
    }

    /// <summary>
    /// The acting user as the session says now (<see cref="LiveSession"/>): an open page of someone deactivated,
    /// signed out elsewhere or given a new role acts no more with the old session, without waiting for the circuit's
    /// next re-check. An anonymous caller cannot reach a page that calls this (pages require a policy).
    /// </summary>
    public async Task<ActingUser> GetAsync()
    {
        _ = await FindAsync() ?? throw new UnauthorizedAccessException("No signed-in user.");
        return (await live.RequireAsync()).Actor;
    }
}
