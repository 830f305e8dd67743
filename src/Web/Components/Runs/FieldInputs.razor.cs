using Microsoft.AspNetCore.Components;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Web.Runs;

namespace Skriptoteket.Web.Components.Runs;

/// <summary>
/// The declared fields of a tool version as a MudBlazor form (run page, studio sandbox, examples). It only
/// collects and shows: <see cref="FieldForm"/> checks the values with the run grain's rules and holds the
/// refusals, shown here under their fields in the page's language.
/// </summary>
public sealed partial class FieldInputs
{
    /// <summary>The entries of the fields; the page turns them into the run request's JSON.</summary>
    [Parameter, EditorRequired] public FieldForm Form { get; set; } = null!;

    [Parameter] public bool Disabled { get; set; }

    /// <summary>Sets this form's inputs apart when a page shows two (the tool's form and a session step's).</summary>
    [Parameter] public string IdPrefix { get; set; } = "";

    private string InputId(InputField f) => $"{IdPrefix}field-input-{f.Name}";

    private string? Help(InputField f)
    {
        var text = string.Join(" ", new[] { f.Help, FieldForm.BoundsText(L, f) }.Where(t => !string.IsNullOrWhiteSpace(t)));
        return text.Length == 0 ? null : text;
    }

    /// <summary>A bound as the arrow keys' script reads it ("2.5"), or null without one.</summary>
    private static string? NumberBound(InputField f, string? text) =>
        FieldBounds.TryNumber(text, out var n) ? FieldBounds.Number(n) : null;

    private static void Toggle(FieldEntry entry, string option, bool on)
    {
        if (on)
        {
            entry.Chosen.Add(option);
        }
        else
        {
            entry.Chosen.Remove(option);
        }
    }
}
