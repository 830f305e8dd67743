using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Web.Runs;

/// <summary>
/// What a person has typed or chosen for one declared field (bound by the MudBlazor inputs). Numbers are kept as
/// the typed text, so the field shows exactly what was typed; FieldValueRules reads it ("1,5" and "1.5" alike).
/// </summary>
public sealed class FieldEntry(InputField field)
{
    public InputField Field { get; } = field;
    public string? Text { get; set; }
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

    /// <summary>
    /// The JSON value sent to the server (null: left empty); the server decides what is valid. A number that reads
    /// as one goes as a number; anything else as the typed text, which the server refuses with its message.
    /// </summary>
    public JsonNode? ToJson() => Field.Kind switch
    {
        FieldKind.Integer or FieldKind.Decimal when string.IsNullOrWhiteSpace(Text) => null,
        FieldKind.Integer or FieldKind.Decimal => FieldBounds.TryNumber(Text, out var n) ? JsonValue.Create(n) : JsonValue.Create(Text),
        FieldKind.YesNo => JsonValue.Create(Flag),
        FieldKind.SeveralChoices => new JsonArray([.. Field.Choices.Where(Chosen.Contains).Select(c => (JsonNode?)JsonValue.Create(c))]),
        _ => string.IsNullOrEmpty(Text) ? null : JsonValue.Create(Text),
    };
}

/// <summary>
/// The run form's fields (pure model): starts from each field's default, turns the entries into the JSON object
/// a run request carries, checks it with the server's own rules (FieldValueRules) before anything is sent, and
/// keeps the refusals (its own or the server's) to show under their fields.
/// </summary>
public sealed class FieldForm
{
    private readonly ToolInputs declared;
    private Dictionary<string, FieldProblem> problems = [];

    /// <summary>The form of <paramref name="declared"/>, each field at its default or, when given, at its value in
    /// <paramref name="valuesJson"/> (a run's values: "Kör igen med samma värden", the reopened run).</summary>
    public FieldForm(ToolInputs declared, string? valuesJson = null)
    {
        this.declared = declared;
        using var values = ParseValues(valuesJson);
        Entries = [.. declared.Fields.Select(f => Start(f, values))];
    }

    public IReadOnlyList<FieldEntry> Entries { get; }

    /// <summary>A refusal that names no single field (unreadable values), shown above the fields.</summary>
    public FieldProblem? General { get; private set; }

    public FieldProblem? ProblemOf(string name) => problems.GetValueOrDefault(name);

    /// <summary>True while any refusal is shown (the form then says, beside Run, that fields need correcting).</summary>
    public bool HasProblems => problems.Count > 0 || General is not null;

    /// <summary>
    /// Counts the checks: the inputs are drawn afresh after each one (a MudBlazor input that was edited keeps its
    /// own error state and would otherwise ignore a new refusal). Their values live in the entries.
    /// </summary>
    public int Checks { get; private set; }

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
    public bool Show(DomainException error) => Show(FieldValueRules.ProblemsOf(error));

    /// <summary>
    /// Checks the values with the rules the run grain applies before any container starts, and marks the required
    /// fields with a default that the person emptied (the server would give them their default, so the run would
    /// silently use a value the form no longer shows). False, with the problems under their fields, when any.
    /// </summary>
    public bool Check()
    {
        var emptied = Entries.Where(e => e.Field.Required && !string.IsNullOrWhiteSpace(e.Field.Default) && e.IsEmpty)
            .Select(e => FieldValueRules.Missing(e.Field));
        var (_, refused) = FieldValueRules.Evaluate(declared, ToJson());
        return !Show([.. emptied.Concat(refused)]);
    }

    public void Clear()
    {
        problems = [];
        General = null;
    }

    private bool Show(IReadOnlyList<FieldProblem> byField)
    {
        Checks++;
        problems = byField.Where(p => p.Field.Length > 0).GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.First());
        General = byField.FirstOrDefault(p => p.Field.Length == 0 || Entries.All(e => e.Field.Name != p.Field));
        return byField.Count > 0;
    }

    /// <summary>"Mellan 1 och 10.", "Minst 3 tecken.", …: the bounds a person should know before typing, in the page's language.</summary>
    public static string? BoundsText(IStringLocalizer localizer, InputField f)
    {
        var (min, max) = (f.Min, f.Max);
        if (min is null && max is null)
        {
            return null;
        }
        var unit = f.Kind switch
        {
            FieldKind.ShortText or FieldKind.LongText => "Characters",
            FieldKind.SeveralChoices => "Choices",
            _ => "",
        };
        return (min, max) switch
        {
            ({ } a, { } b) => localizer[$"Field.Bounds.Between{unit}", Show(f, a), Show(f, b)],
            ({ } a, null) => localizer[$"Field.Bounds.AtLeast{unit}", Show(f, a)],
            _ => localizer[$"Field.Bounds.AtMost{unit}", Show(f, max!)],
        };
    }

    private static string Show(InputField f, string bound) => Number(f, bound) ?? bound;

    // Numbers as the page's language writes them ("2,5" in Swedish, "2.5" in English); both are read back.
    private static string? Number(InputField f, string text) =>
        f.Kind is FieldKind.Integer or FieldKind.Decimal && FieldBounds.TryNumber(text, out var n)
            ? n.ToString("0.############", CultureInfo.CurrentCulture) : null;

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
            case FieldKind.Integer or FieldKind.Decimal:
                // A number (a run's value) or the declared default's text, written as the page's language writes it.
                var text = value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                entry.Text = text is null ? null : Number(field, text) ?? text;
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
