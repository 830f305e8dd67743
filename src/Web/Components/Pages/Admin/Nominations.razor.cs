using Microsoft.AspNetCore.Components;
using MudBlazor;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Web.Identity;

namespace Skriptoteket.Web.Components.Pages.Admin;

public partial class Nominations
{
    [Inject] private UserAdminService Admin { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private IReadOnlyList<NominationInfo>? Pending { get; set; }
    private Dictionary<Guid, string?> Notes { get; } = [];
    private Guid me;
    private bool anotherSuperuserExists;

    protected override async Task OnInitializedAsync()
    {
        me = (await Admin.ActorAsync()).UserId;
        anotherSuperuserExists = await Admin.AnotherSuperuserExistsAsync();
        Pending = await Admin.PendingNominationsAsync();
    }

    /// <summary>Mirrors the nomination grain's rule (which decides again): one's own nomination is another superuser's to decide.</summary>
    private bool IsOwnToLeave(NominationInfo nomination) => anotherSuperuserExists && nomination.NominatorId == me;

    private string? NoteFor(NominationInfo nomination) => Notes.GetValueOrDefault(nomination.Id);

    private async Task DecideAsync(NominationInfo nomination, bool approve)
    {
        try
        {
            await Admin.DecideAsync(nomination, approve, NoteFor(nomination));
            Snackbar.Add(approve ? L["Nominations.Approved"] : L["Nominations.Denied"], Severity.Success);
        }
        catch (DomainException ex)
        {
            Snackbar.Add(Skriptoteket.Web.Localization.ErrorText.For(L, ex), Severity.Error);
        }
        Pending = await Admin.PendingNominationsAsync();
    }
}
