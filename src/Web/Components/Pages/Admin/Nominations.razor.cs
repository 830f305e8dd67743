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

    protected override async Task OnInitializedAsync() => Pending = await Admin.PendingNominationsAsync();

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
