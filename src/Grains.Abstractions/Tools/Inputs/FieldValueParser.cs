using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Skriptoteket.Grains.Abstractions.Validation;

namespace Skriptoteket.Grains.Abstractions.Tools.Inputs;

/// <summary>
/// Reads one given value for one field (pure). Numbers, yes/no and dates may come as JSON strings too, so a
/// form post or curl -F works; the result is always the typed JSON value. Problems come without the label:
/// a key for the UI's resources, its arguments and the Swedish text (<see cref="ValueProblem"/>).
/// </summary>
internal static class FieldValueParser
{
    public static JsonNode? Parse(InputField field, JsonElement value, out ValueProblem? problem)
    {
        problem = null;
        switch (field.Kind)
        {
            case FieldKind.ShortText or FieldKind.LongText:
                return Text(field, value, out problem);
            case FieldKind.Integer or FieldKind.Decimal:
                return Number(field, value, out problem);
            case FieldKind.YesNo:
                return YesNo(value, out problem);
            case FieldKind.OneChoice:
                return OneChoice(field, value, out problem);
            case FieldKind.SeveralChoices:
                return SeveralChoices(field, value, out problem);
            case FieldKind.Date:
                return Date(field, value, out problem);
            default:
                problem = new("UnknownKind", "okänd fälttyp.");
                return null;
        }
    }

    private static JsonNode? Text(InputField field, JsonElement value, out ValueProblem? problem)
    {
        problem = null;
        if (value.ValueKind != JsonValueKind.String)
        {
            problem = new("NotText", "måste vara en text.");
            return null;
        }
        var text = field.Kind == FieldKind.ShortText ? value.GetString()!.Trim() : value.GetString()!;
        var most = Math.Min(Bound(field, field.Max) is { } m ? (int)m : FieldBounds.TextMax(field.Kind), FieldBounds.TextMax(field.Kind));
        if (field.Kind == FieldKind.ShortText && text.Contains('\n'))
        {
            problem = new("OneLine", "får bara vara en rad.");
        }
        else if (!TextRules.IsStorable(text))
        {
            problem = new("BadCharacters", "innehåller otillåtna tecken.");
        }
        else if (text.Length > most)
        {
            problem = new("MaxCharacters", $"högst {most} tecken.", Invariant(most));
        }
        else if (Bound(field, field.Min) is { } min && text.Length < min)
        {
            problem = new("MinCharacters", $"minst {min} tecken.", Invariant(min));
        }
        return problem is null ? JsonValue.Create(text) : null;
    }

    private static JsonNode? Number(InputField field, JsonElement value, out ValueProblem? problem)
    {
        problem = null;
        var ok = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDecimal(out var d) && Math.Abs(d) <= FieldBounds.NumberLimit ? d : (decimal?)null,
            JsonValueKind.String => FieldBounds.TryNumber(value.GetString(), out var s) ? s : null,
            _ => null,
        };
        var integer = field.Kind == FieldKind.Integer;
        if (ok is not { } number || (integer && number != decimal.Truncate(number)))
        {
            problem = integer ? new("NotInteger", "måste vara ett heltal, utan decimaler.") : new("NotNumber", "måste vara ett tal.");
            return null;
        }
        if (Bound(field, field.Min) is { } min && number < min)
        {
            problem = new("Min", $"minst {Show(min)}.", Invariant(min));
        }
        else if (Bound(field, field.Max) is { } max && number > max)
        {
            problem = new("Max", $"högst {Show(max)}.", Invariant(max));
        }
        return problem is not null ? null : integer ? JsonValue.Create((long)number) : JsonValue.Create(WithoutTrailingZeros(number));
    }

    private static JsonNode? YesNo(JsonElement value, out ValueProblem? problem)
    {
        problem = null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return JsonValue.Create(value.GetBoolean());
        }
        if (value.ValueKind == JsonValueKind.String && bool.TryParse(value.GetString(), out var b))
        {
            return JsonValue.Create(b);
        }
        problem = new("NotYesNo", "måste vara ja eller nej.");
        return null;
    }

    private static JsonNode? OneChoice(InputField field, JsonElement value, out ValueProblem? problem)
    {
        problem = null;
        if (value.ValueKind != JsonValueKind.String)
        {
            problem = new("NotAChoice", "välj ett av alternativen.");
            return null;
        }
        var chosen = value.GetString()!.Trim();
        if (!field.Choices.Contains(chosen))
        {
            problem = new("NotAnOption", $"\"{Clip(chosen)}\" finns inte bland alternativen.", Clip(chosen));
            return null;
        }
        return JsonValue.Create(chosen);
    }

    private static JsonNode? SeveralChoices(InputField field, JsonElement value, out ValueProblem? problem)
    {
        problem = null;
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            problem = new("NotAList", "måste vara en lista med alternativ.");
            return null;
        }
        var chosen = value.EnumerateArray().Select(e => e.GetString()!.Trim()).Distinct().ToList();
        if (chosen.FirstOrDefault(c => !field.Choices.Contains(c)) is { } unknown)
        {
            problem = new("NotAnOption", $"\"{Clip(unknown)}\" finns inte bland alternativen.", Clip(unknown));
        }
        else if (Bound(field, field.Min) is { } min && chosen.Count < min)
        {
            problem = new("ChooseAtLeast", $"välj minst {min}.", Invariant(min));
        }
        else if (Bound(field, field.Max) is { } max && chosen.Count > max)
        {
            problem = new("ChooseAtMost", $"välj högst {max}.", Invariant(max));
        }
        // In the declaration's order, whatever order they were ticked in.
        return problem is null ? new JsonArray([.. field.Choices.Where(chosen.Contains).Select(c => (JsonNode?)JsonValue.Create(c))]) : null;
    }

    private static JsonNode? Date(InputField field, JsonElement value, out ValueProblem? problem)
    {
        problem = null;
        if (value.ValueKind != JsonValueKind.String || !FieldBounds.TryDate(value.GetString(), out var date))
        {
            problem = new("NotADate", "måste vara ett datum (ÅÅÅÅ-MM-DD).");
            return null;
        }
        if (Bound(field, field.Min) is { } min && date.DayNumber < min)
        {
            problem = new("Earliest", $"tidigast {field.Min!.Trim()}.", field.Min!.Trim());
        }
        else if (Bound(field, field.Max) is { } max && date.DayNumber > max)
        {
            problem = new("Latest", $"senast {field.Max!.Trim()}.", field.Max!.Trim());
        }
        return problem is null ? JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null;
    }

    // "3.50" and "3.5" are the same value: the script gets the shorter form.
    private static decimal WithoutTrailingZeros(decimal value) => value / 1.000000000000000000000000000000000m;

    private static decimal? Bound(InputField field, string? text) =>
        !string.IsNullOrWhiteSpace(text) && FieldBounds.TryBound(field.Kind, text, out var bound) ? bound : null;

    // Bounds as arguments for other languages: '.' as decimal point, no grouping.
    private static string Invariant(decimal number) => number.ToString("0.############", CultureInfo.InvariantCulture);

    private static string Show(decimal number) => number.ToString("0.############", CultureInfo.GetCultureInfo("sv-SE"));

    private static string Clip(string text) => text.Length <= 60 ? text : text[..60];
}

/// <summary>What is wrong with one value, without the field's label: the key of its text in the UI's resources
/// ("Field.{Key}", the label as {0}, <paramref name="Arguments"/> after it) and the Swedish text.</summary>
internal sealed record ValueProblem(string Key, string Swedish, params string[] Arguments);
