using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Skriptoteket.Web.Identity;

namespace Skriptoteket.Web.Components.Pages.Account;

public partial class Login
{
    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "login")]
    private LoginForm? Form { get; set; }

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    [Inject]
    private AccountService Account { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private string? Error { get; set; }

    protected override void OnInitialized() => Form ??= new LoginForm();

    private async Task SubmitAsync()
    {
        var result = await Account.LoginAsync(HttpContext, Form!.Email, Form.Password);
        if (!result.Succeeded)
        {
            Error = L["Login.Refused"];
            Form.Password = null;
            return;
        }
        Navigation.NavigateTo(SafeReturnUrl(ReturnUrl), forceLoad: true);
    }

    /// <summary>Only paths of this site: an absolute or protocol-relative URL would be an open redirect.</summary>
    public static string SafeReturnUrl(string? url) =>
        LocalUrl.IsSafe(url) && !url!.StartsWith("/login")
            ? url
            : "/";
}
