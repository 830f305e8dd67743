using Microsoft.AspNetCore.Components;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Web.Identity;
using Skriptoteket.Web.Localization;

namespace Skriptoteket.Web.Components.Pages.Account;

public partial class PasswordForm
{
    [Inject] private MyAccountService Account { get; set; } = default!;

    /// <summary>Called once the password is changed (the fields are cleared by then).</summary>
    [Parameter] public EventCallback Changed { get; set; }

    private string? current;
    private string? next;
    private string? repeat;
    private string? error;
    private bool busy;

    private async Task SubmitAsync()
    {
        error = null;
        if (next != repeat)
        {
            // Said here, before the grain: a typo in one of the two fields must not cost a throttled attempt.
            error = L["Account.PasswordMismatch"];
            return;
        }
        busy = true;
        try
        {
            await Account.ChangePasswordAsync(current, next);
            (current, next, repeat) = (null, null, null);
            await Changed.InvokeAsync();
        }
        catch (DomainException ex)
        {
            // The typed passwords stay, so a too-short new one can be lengthened; a wrong current one is cleared.
            if (ex.Key == "Account.WrongCurrentPassword")
            {
                current = null;
            }
            error = ErrorText.For(L, ex);
        }
        finally
        {
            busy = false;
        }
    }
}
