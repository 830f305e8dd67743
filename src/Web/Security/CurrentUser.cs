using Microsoft.AspNetCore.Components.Authorization;
using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Web.Security;

/// <summary>
/// The acting user of the current circuit or request, read from AuthenticationStateProvider (never
/// IHttpContextAccessor in interactive components). Per-area services use it to supply the acting user.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication)
{
    public async Task<ActingUser?> FindAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.ToActingUser();
    }

    /// <summary>The acting user; an anonymous caller cannot reach a page that calls this (pages require a policy).</summary>
    public async Task<ActingUser> GetAsync() =>
        await FindAsync() ?? throw new UnauthorizedAccessException("No signed-in user.");
}
