using Microsoft.AspNetCore.Components;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Components.Tools;

public partial class SuggestionTable
{
    [Parameter, EditorRequired] public IReadOnlyList<SuggestionRow> Rows { get; set; } = [];
    [Parameter] public bool ShowSubmitter { get; set; } = true;
    [Parameter] public Func<SuggestionRow, string>? LinkTo { get; set; }

    public static string StatusLabel(string status) => status switch
    {
        "pending" => "Väntar på beslut",
        "accepted" => "Godkänt",
        "denied" => "Avslaget",
        _ => status,
    };
}
