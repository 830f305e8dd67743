using Microsoft.Extensions.Localization;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Web.Runs;

/// <summary>
/// The field values a run used, as its page shows them: each field the version declares, by its label, with the
/// value as the person typed or picked it (read through the run form's own model, <see cref="FieldForm"/>).
/// </summary>
public static class RunFieldText
{
    public static IReadOnlyList<(string Name, string Label, string Value)> Describe(ToolInputs declared, string valuesJson, IStringLocalizer text) =>
        [.. new FieldForm(declared, valuesJson).Entries.Select(e => (e.Field.Name, e.Field.Label, Value(e, text)))];

    private static string Value(FieldEntry entry, IStringLocalizer text) => entry.Field.Kind switch
    {
        FieldKind.YesNo => entry.Flag ? text["RunDetails.Yes"] : text["RunDetails.No"],
        _ when entry.IsEmpty => text["RunDetails.Empty"],
        FieldKind.SeveralChoices => string.Join(", ", entry.Field.Choices.Where(entry.Chosen.Contains)),
        _ => entry.Text ?? "",
    };
}
