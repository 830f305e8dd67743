namespace Skriptoteket.Web.Components.Pages.Account;

/// <summary>The posted login form.</summary>
public sealed class LoginForm
{
    public string? Email { get; set; }

    public string? Password { get; set; }
}
