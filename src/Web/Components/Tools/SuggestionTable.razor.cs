using Microsoft.AspNetCore.Components;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Components.Tools;

public partial class SuggestionTable
{
    [Parameter, EditorRequired] public IReadOnlyList<SuggestionRow> Rows { get; set; } = [];
    [Parameter] public bool ShowSubmitter { get; set; } = true;
    [Parameter] public Func<SuggestionRow, string>? LinkTo { get; set; }

    /// <summary>Resource key of a stored suggestion status ("SuggestionStatus.pending", ...).</summary>
    public static string StatusKey(string status) => $"SuggestionStatus.{status}";
}
