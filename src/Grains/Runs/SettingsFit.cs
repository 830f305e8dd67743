using System.Text.Json;
using System.Text.Json.Nodes;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Grains.Runs;

/// <summary>
/// Saved settings against a version's settings declaration (pure), by the run's own field-value rules
/// (<see cref="FieldValueRules"/>): a saved value whose setting is gone, changed kind, is out of bounds or names a
/// choice that is gone no longer fits and is dropped; what remains, with the defaults filled in, is what runs get.
/// </summary>
internal static class SettingsFit
{
    /// <summary>
    /// <paramref name="Kept"/>: the saved values that still fit (what to store); <paramref name="Values"/>: every
    /// declared setting's value as the script reads it; <paramref name="Missing"/>: required settings without a value.
    /// </summary>
    public sealed record Result(string Kept, string Values, IReadOnlyList<string> Dropped, IReadOnlyList<FieldProblem> Missing);

    public static Result Of(IReadOnlyList<InputField> declaration, string savedJson)
    {
        var asFields = AsFields(declaration);
        var saved = JsonNode.Parse(savedJson) as JsonObject ?? [];
        var (_, problems) = FieldValueRules.Evaluate(asFields, savedJson);
        var dropped = saved.Select(p => p.Key).Where(name => problems.Any(p => p.Field == name)).ToList();
        foreach (var name in dropped)
        {
            saved.Remove(name);
        }
        var kept = saved.ToJsonString();
        var (values, missing) = FieldValueRules.Evaluate(asFields, kept);
        return new Result(kept, values.ToJsonString(), dropped, missing);
    }

    /// <summary>
    /// Checks values a person saves (a Swedish VALIDATION error listing every problem, as for a run's fields) and
    /// returns what to store: only the settings given a value, so a setting left empty follows its default.
    /// </summary>
    public static string Check(IReadOnlyList<InputField> declaration, string? valuesJson)
    {
        var checkedValues = JsonNode.Parse(FieldValueRules.Check(AsFields(declaration), valuesJson))!.AsObject();
        using var given = JsonDocument.Parse(string.IsNullOrWhiteSpace(valuesJson) ? "{}" : valuesJson);
        var kept = new JsonObject();
        foreach (var property in given.RootElement.EnumerateObject())
        {
            if (!FieldValueRules.IsEmpty(property.Value) && checkedValues[property.Name] is { } value)
            {
                kept[property.Name] = value.DeepClone();
            }
        }
        return kept.ToJsonString();
    }

    /// <summary>The settings as a declaration of fields (no files): the field-value rules read only its fields.</summary>
    private static ToolInputs AsFields(IReadOnlyList<InputField> declaration) => new(declaration, new FileInputs(0, 0));
}
