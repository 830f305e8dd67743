using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Web.Localization;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Components.Tools;

public partial class FavoriteStar
{
    private string announcement = "";
    private bool busy;

    [Parameter, EditorRequired] public ToolCard Tool { get; set; } = null!;

    [Parameter] public bool Starred { get; set; }

    /// <summary>Told after the server took the change; the page keeps every star of the tool in step.</summary>
    [Parameter] public EventCallback<FavoriteChange> Changed { get; set; }

    [Inject] private ToolsService Tools { get; set; } = null!;

    private async Task ToggleAsync(MouseEventArgs click)
    {
        // The second click of a double click would take the star straight back: one double click is one change.
        // Busy is set before the first await, so a click that arrives while the server answers changes nothing.
        if (busy || click.Detail > 1)
        {
            return;
        }
        busy = true;
        var starred = !Starred;
        try
        {
            await Tools.SetFavoriteAsync(Tool.Id, starred);
            announcement = L[starred ? "Favorites.Added" : "Favorites.Removed"];
            await Changed.InvokeAsync(new FavoriteChange(Tool, starred));
        }
        catch (DomainException ex)
        {
            // A tool depublished since the page was drawn: said where the star is, nothing else changes.
            announcement = ErrorText.For(L, ex);
        }
        finally
        {
            busy = false;
        }
    }
}
