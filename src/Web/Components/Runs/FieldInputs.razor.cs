using Microsoft.AspNetCore.Components;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Web.Runs;

namespace Skriptoteket.Web.Components.Runs;

/// <summary>
/// The declared fields of a tool version as a MudBlazor form (run page, studio sandbox, examples). It only
/// collects: the run grain checks the values, and its per-field refusals come back through <see cref="FieldForm"/>.
/// </summary>
public sealed partial class FieldInputs
{
    /// <summary>The entries of the fields; the page turns them into the run request's JSON.</summary>
    [Parameter, EditorRequired] public FieldForm Form { get; set; } = null!;

    [Parameter] public bool Disabled { get; set; }

    private static string InputId(InputField f) => $"field-input-{f.Name}";

    private static string? Help(InputField f)
    {
        var text = string.Join(" ", new[] { f.Help, FieldForm.BoundsText(f) }.Where(t => !string.IsNullOrWhiteSpace(t)));
        return text.Length == 0 ? null : text;
    }

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
