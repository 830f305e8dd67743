using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Web.Identity;

namespace Skriptoteket.Web.Components.Pages.Admin;

public partial class Users
{
    private const int PageSize = 25;
    private static readonly Role[] AssignableRoles = [Role.User, Role.Contributor];

    [Inject] private UserAdminService Admin { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private ActingUser? Actor { get; set; }
    private UserPage? Result { get; set; }
    private string? Query { get; set; }
    private int Page { get; set; } = 1;
    private int PageCount => Result is null ? 1 : (int)Math.Max(1, (Result.Total + PageSize - 1) / PageSize);
    private string? NewEmail { get; set; }
    private string? NewName { get; set; }
    private string? NewPassword { get; set; }
    private Role NewRole { get; set; } = Role.User;
    private Guid? NomineeId { get; set; }
    private string? Rationale { get; set; }
    private Guid? PasswordFor { get; set; }
    private string? NewPasswordFor { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Actor = await Admin.ActorAsync();
        await LoadAsync(1);
    }

    private bool MayManage(UserInfo user) => Actor is { } a && user.Id != a.UserId
        && (user.Role < Role.Admin || (user.Role == Role.Admin && a.IsAtLeast(Role.Superuser)));

    // An admin being demoted by a superuser keeps "admin" listed so the select can show the current value.
    private static IEnumerable<Role> RolesFor(UserInfo user) =>
        user.Role == Role.Admin ? [Role.User, Role.Contributor, Role.Admin] : AssignableRoles;

    private async Task LoadAsync(int page)
    {
        Page = page;
        await RunAsync(async () => Result = await Admin.SearchUsersAsync(Query, page, PageSize), null);
    }

    private async Task SearchOnEnterAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await LoadAsync(1);
        }
    }

    // A double-click creates the account once, instead of once and then "already exists".
    private bool creating;

    private async Task CreateAsync()
    {
        if (creating)
        {
            return;
        }
        creating = true;
        try
        {
            await CreateOnceAsync();
        }
        finally
        {
            creating = false;
        }
    }

    private Task CreateOnceAsync() => RunAsync(async () =>
    {
        var email = NewEmail ?? "";
        await Admin.CreateAsync(new NewUserAccount(email, NewName ?? "", NewPassword ?? "", NewRole));
        (NewEmail, NewName, NewPassword) = (null, null, null);
        // The list shows the new account (found by its address), wherever it would sort among hundreds of staff.
        Query = email;
        await LoadAsync(1);
    }, L["Users.Created"]);

    private Task ChangeRoleAsync(UserInfo user, Role role) =>
        RunAsync(async () => { await Admin.ChangeRoleAsync(user.Id, role); await LoadAsync(Page); }, L["Users.Saved"]);

    private Task SetActiveAsync(UserInfo user, bool active) =>
        RunAsync(async () => { await Admin.SetActiveAsync(user.Id, active); await LoadAsync(Page); }, L["Users.Saved"]);

    private Task SetPasswordAsync(UserInfo user) => RunAsync(async () =>
    {
        await Admin.SetPasswordAsync(user.Id, NewPasswordFor ?? "");
        (PasswordFor, NewPasswordFor) = (null, null);
    }, L["Users.PasswordSet", user.DisplayName]);

    private Task NominateAsync(UserInfo user) => RunAsync(async () =>
    {
        await Admin.NominateAsync(user.Id, Rationale ?? "");
        (NomineeId, Rationale) = (null, null);
    }, L["Users.Nominated"]);

    /// <summary>Refusals from the grains are shown as they are: their messages are written for the user.</summary>
    private async Task RunAsync(Func<Task> action, string? success)
    {
        try
        {
            await action();
            if (success is not null)
            {
                Snackbar.Add(success, Severity.Success);
            }
        }
        catch (DomainException ex)
        {
            Snackbar.Add(Skriptoteket.Web.Localization.ErrorText.For(L, ex), Severity.Error);
        }
    }
}
