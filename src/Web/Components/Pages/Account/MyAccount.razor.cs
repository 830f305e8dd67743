using Microsoft.AspNetCore.Components;
using MudBlazor;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Web.Identity;
using Skriptoteket.Web.Localization;

namespace Skriptoteket.Web.Components.Pages.Account;

/// <summary>"Mitt konto": name and language, password, and the person's own sessions.</summary>
public partial class MyAccount
{
    private static readonly (string Code, string Name)[] Languages = [("sv", "Svenska"), ("en", "English")];

    [Inject] private MyAccountService Account { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>Set by the reload after a saved profile (the top bar's name and the language come from that request).</summary>
    [SupplyParameterFromQuery(Name = "sparat")] public bool Saved { get; set; }

    private UserInfo? Me { get; set; }
    private string? DisplayName { get; set; }
    private string Language { get; set; } = "sv";
    private string? ProfileError { get; set; }
    private IReadOnlyList<SessionInfo> Sessions { get; set; } = [];

    protected override async Task OnInitializedAsync()
    {
        await RunAsync(async () =>
        {
            Me = await Account.GetAsync();
            DisplayName = Me.DisplayName;
            Language = Me.PreferredLanguage ?? System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            Sessions = await Account.SessionsAsync();
        }, null);
    }

    private async Task SaveProfileAsync()
    {
        ProfileError = null;
        try
        {
            await Account.UpdateProfileAsync(new ProfileChange(DisplayName ?? "", Language));
        }
        catch (DomainException ex)
        {
            ProfileError = ErrorText.For(L, ex);
            return;
        }
        // Through /culture: it sets this browser's language cookie, and a full load shows the new name in the top bar.
        Navigation.NavigateTo($"/culture?culture={Language}&redirectUri={Uri.EscapeDataString("/account?sparat=true")}", forceLoad: true);
    }

    private async Task PasswordChangedAsync()
    {
        Snackbar.Add(L["Account.PasswordChanged"], Severity.Success);
        Sessions = await Account.SessionsAsync();
    }

    private Task EndAsync(SessionInfo session) => RunAsync(async () =>
    {
        await Account.EndSessionAsync(session.Id);
        Sessions = await Account.SessionsAsync();
    }, L["Account.SessionEnded"]);

    private Task EndOthersAsync() => RunAsync(async () =>
    {
        await Account.EndOtherSessionsAsync();
        Sessions = await Account.SessionsAsync();
    }, L["Account.OtherSessionsEnded"]);

    private string Device(SessionInfo s) =>
        L["Account.DeviceOn", s.Browser ?? L["Account.UnknownBrowser"], s.Os ?? L["Account.UnknownSystem"]];

    private static string Time(DateTimeOffset at) => at.ToLocalTime().ToString("yyyy-MM-dd HH:mm");

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
            Snackbar.Add(ErrorText.For(L, ex), Severity.Error);
        }
    }
}
