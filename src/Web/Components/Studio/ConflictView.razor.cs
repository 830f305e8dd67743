using Microsoft.AspNetCore.Components;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Components.Studio;

public sealed partial class ConflictView
{
    private IReadOnlyList<VersionDiff.Row> rows = [];

    [Parameter, EditorRequired] public ToolVersion Theirs { get; set; } = null!;
    [Parameter] public string TheirAuthor { get; set; } = "";
    [Parameter, EditorRequired] public string Mine { get; set; } = "";
    [Parameter] public EventCallback OnReopen { get; set; }
    [Parameter] public EventCallback OnSaveMine { get; set; }

    protected override void OnParametersSet() => rows = VersionDiff.SideBySide(Theirs.Source, Mine);
}
