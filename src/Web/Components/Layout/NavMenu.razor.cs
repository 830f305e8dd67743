using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Skriptoteket.Web.Identity;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Components.Layout;

public partial class NavMenu
{
    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private IReadOnlyList<NavigationItem> Items { get; set; } = NavigationPolicy.For(null);

    protected override async Task OnParametersSetAsync()
    {
        var user = AuthenticationState is null ? null : (await AuthenticationState).User.ToActingUser();
        Items = NavigationPolicy.For(user?.Role);
    }
}
