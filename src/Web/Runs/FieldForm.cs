using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Web.Runs;

/// <summary>What a person has typed or chosen for one declared field (bound by the MudBlazor inputs).</summary>
public sealed class FieldEntry(InputField field)
{
    public InputField Field { get; } = field;
    public string? Text { get; set; }
    public decimal? Number { get; set; }
    public bool Flag { get; set; }
    public HashSet<string> Chosen { get; } = [];

    /// <summary>Nothing typed or chosen (a yes/no field is never empty).</summary>
    public bool IsEmpty => ToJson() switch
    {
        null => true,
        JsonArray list => list.Count == 0,
        JsonValue value when value.TryGetValue<string>(out var text) => text.Trim().Length == 0,
        _ => false,
    };

    /// <summary>The JSON value sent to the server (null: left empty); the server decides what is valid.</summary>
    public JsonNode? ToJson() => Field.Kind switch
    {
        FieldKind.Integer or FieldKind.Decimal => Number is { } n ? JsonValue.Create(n) : null,
        FieldKind.YesNo => JsonValue.Create(Flag),
        FieldKind.SeveralChoices => new JsonArray([.. Field.Choices.Where(Chosen.Contains).Select(c => (JsonNode?)JsonValue.Create(c))]),
        _ => string.IsNullOrEmpty(Text) ? null : JsonValue.Create(Text),
    };
}

/// <summary>
/// The run form's fields (pure model): starts from each field's default, turns the entries into the JSON object
/// a run request carries, and keeps the server's per-field refusals to show under their fields.
/// </summary>
public sealed class FieldForm
{
    private Dictionary<string, string> problems = [];

    /// <summary>The form of <paramref name="declared"/>, each field at its default or, when given, at its value in
    /// <paramref name="valuesJson"/> (a run's values: "Kör igen med samma värden", the reopened run).</summary>
    public FieldForm(ToolInputs declared, string? valuesJson = null)
    {
        using var values = ParseValues(valuesJson);
        Entries = [.. declared.Fields.Select(f => Start(f, values))];
    }

    public IReadOnlyList<FieldEntry> Entries { get; }

    /// <summary>A refusal that names no single field (unreadable values), shown above the fields.</summary>
    public string? General { get; private set; }

    public string? ProblemOf(string name) => problems.GetValueOrDefault(name);

    public string ToJson()
    {
        var values = new JsonObject();
        foreach (var entry in Entries)
        {
            values[entry.Field.Name] = entry.ToJson();
        }
        return values.ToJsonString();
    }

    /// <summary>Takes the server's refusal apart by field; false when it was not about the fields.</summary>
    public bool Show(DomainException error)
    {
        var byField = FieldValueRules.ProblemsOf(error);
        problems = byField.Where(p => p.Field.Length > 0).GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.First().Message);
        General = byField.FirstOrDefault(p => p.Field.Length == 0 || Entries.All(e => e.Field.Name != p.Field))?.Message;
        return byField.Count > 0;
    }

    /// <summary>
    /// Marks the required fields with a default that the person emptied, and returns false when there are any:
    /// the server gives an empty field its default, so the run would silently use a value the form no longer shows.
    /// (A required field without a default is refused by the server, with the same words.)
    /// </summary>
    public bool CheckRequiredFilled()
    {
        problems = Entries.Where(e => e.Field.Required && !string.IsNullOrWhiteSpace(e.Field.Default) && e.IsEmpty)
            .ToDictionary(e => e.Field.Name, e => FieldValueRules.MissingMessage(e.Field));
        General = null;
        return problems.Count == 0;
    }

    public void Clear()
    {
        problems = [];
        General = null;
    }

    /// <summary>"Mellan 1 och 10", "Minst 3 tecken", …: the bounds a person should know before typing.</summary>
    public static string? BoundsText(InputField f)
    {
        var (min, max) = (f.Min, f.Max);
        if (min is null && max is null)
        {
            return null;
        }
        var unit = f.Kind switch
        {
            FieldKind.ShortText or FieldKind.LongText => " tecken",
            FieldKind.SeveralChoices => " val",
            _ => "",
        };
        return (min, max) switch
        {
            ({ } a, { } b) => $"Mellan {Show(f, a)} och {Show(f, b)}{unit}.",
            ({ } a, null) => $"Minst {Show(f, a)}{unit}.",
            _ => $"Högst {Show(f, max!)}{unit}.",
        };
    }

    private static string Show(InputField f, string bound) =>
        f.Kind is FieldKind.Decimal && FieldBounds.TryNumber(bound, out var n) ? n.ToString(CultureInfo.GetCultureInfo("sv-SE")) : bound;

    /// <summary>A JSON object of values, or null for none (or anything that is not an object).</summary>
    private static JsonDocument? ParseValues(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }
            document.Dispose();
        }
        catch (JsonException)
        {
            // Not values the form can show: it starts from the defaults.
        }
        return null;
    }

    private static FieldEntry Start(InputField field, JsonDocument? values)
    {
        var entry = new FieldEntry(field);
        // A value the run had, also an empty one (null), wins over the default.
        var value = values is not null && values.RootElement.TryGetProperty(field.Name, out var given)
            ? given.ValueKind == JsonValueKind.Null ? (JsonElement?)null : given.Clone()
            : FieldValueRules.DefaultElement(field);
        if (value is not { } element)
        {
            return entry;
        }
        Fill(entry, element);
        return entry;
    }

    private static void Fill(FieldEntry entry, JsonElement value)
    {
        var field = entry.Field;
        switch (field.Kind)
        {
            case FieldKind.Integer or FieldKind.Decimal when value.ValueKind == JsonValueKind.Number:
                entry.Number = value.GetDecimal();
                break;
            case FieldKind.YesNo when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                entry.Flag = value.GetBoolean();
                break;
            case FieldKind.SeveralChoices when value.ValueKind == JsonValueKind.Array:
                entry.Chosen.UnionWith(value.EnumerateArray().Select(v => v.GetString() ?? ""));
                break;
            default:
                entry.Text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                break;
        }
    }
}
