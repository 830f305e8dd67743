using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Validation;

namespace Skriptoteket.Grains.Abstractions.Tools.Inputs;

/// <summary>
/// One field's refusal: the field's name ("" for the values as a whole), a Swedish sentence naming its label, and
/// for other languages the key of the same sentence in the UI's resources ("Field.{Key}") with its arguments
/// (the label first). An empty key has only the Swedish sentence.
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.FieldProblem")]
public sealed record FieldProblem(
    [property: Id(0)] string Field,
    [property: Id(1)] string Message,
    [property: Id(2)] string Key = "",
    [property: Id(3)] IReadOnlyList<string>? Arguments = null)
{
    public IReadOnlyList<string> Values => Arguments ?? [];
}

/// <summary>
/// Checks the values a run is given against the version's declaration (pure; the run grain calls it before any
/// container starts, the run page before sending). The result is the JSON object the script reads: every
/// declared field, in declaration order, as string, number, bool, list of strings or "YYYY-MM-DD" (null when an
/// optional field is left empty). A missing or empty value takes the field's default; yes/no is false then.
/// </summary>
public static class FieldValueRules
{
    public const string ProblemKey = "Fields.Invalid";

    /// <summary>Most characters of a values object a run accepts (one message per run, ADR 0009).</summary>
    public const int MaxJsonLength = 200_000;

    /// <summary>The checked values as the script's JSON, or a VALIDATION error that lists every field's problem.</summary>
    public static string Check(ToolInputs declaration, string? valuesJson)
    {
        var (values, problems) = Evaluate(declaration, valuesJson);
        return problems.Count == 0 ? values.ToJsonString() : throw Refusal(problems);
    }

    /// <summary>
    /// One refusal for all problems: the message lists them; Arguments carry each problem in turn as name, message,
    /// key, the count of its arguments, then those arguments (<see cref="ProblemsOf"/> reads them back).
    /// </summary>
    public static DomainException Refusal(IReadOnlyList<FieldProblem> problems) =>
        DomainException.Invalid(string.Join(" ", problems.Select(p => p.Message)), ProblemKey,
            [.. problems.SelectMany(p => new[] { p.Field, p.Message, p.Key, p.Values.Count.ToString(CultureInfo.InvariantCulture) }.Concat(p.Values))]);

    /// <summary>The problems a refusal carries, by field name (the run page shows each under its field).</summary>
    public static IReadOnlyList<FieldProblem> ProblemsOf(DomainException error)
    {
        var problems = new List<FieldProblem>();
        var a = error.Arguments;
        for (var i = 0; error.Key == ProblemKey && i + 3 < a.Count; i += 4 + Count(a[i + 3]))
        {
            problems.Add(new FieldProblem(a[i], a[i + 1], a[i + 2], [.. a.Skip(i + 4).Take(Count(a[i + 3]))]));
        }
        return problems;

        static int Count(string text) => int.TryParse(text, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : 0;
    }

    public static (JsonObject Values, IReadOnlyList<FieldProblem> Problems) Evaluate(ToolInputs declaration, string? valuesJson)
    {
        var problems = new List<FieldProblem>();
        var given = Parse(valuesJson, problems);
        foreach (var name in given.Keys.Where(n => declaration.Find(n) is null))
        {
            problems.Add(new FieldProblem(name, $"Fältet \"{Clip(name)}\" finns inte i verktyget.", "UnknownField", [Clip(name)]));
        }
        var values = new JsonObject();
        foreach (var field in declaration.Fields)
        {
            var value = given.TryGetValue(field.Name, out var v) && !IsEmpty(v) ? v : DefaultElement(field);
            if (value is null)
            {
                if (field.Required)
                {
                    problems.Add(Missing(field));
                }
                values[field.Name] = field.Kind == FieldKind.YesNo ? JsonValue.Create(false) : null;
                continue;
            }
            var node = FieldValueParser.Parse(field, value.Value, out var problem);
            if (problem is not null)
            {
                problems.Add(new FieldProblem(field.Name, $"{field.Label}: {problem.Swedish}", problem.Key, [field.Label, .. problem.Arguments]));
            }
            values[field.Name] = node;
        }
        return (values, problems);
    }

    /// <summary>The field's default as the value the script would get, or the problem with it.</summary>
    public static string? DefaultProblem(InputField field)
    {
        if (DefaultElement(field) is not { } value)
        {
            return null;
        }
        FieldValueParser.Parse(field, value, out var problem);
        return problem?.Swedish;
    }

    /// <summary>The default as a JSON value (numbers as numbers, several choices as a list), or null without one.</summary>
    public static JsonElement? DefaultElement(InputField field)
    {
        if (string.IsNullOrWhiteSpace(field.Default))
        {
            return null;
        }
        var text = field.Default.Trim();
        JsonNode? node = field.Kind switch
        {
            FieldKind.Integer or FieldKind.Decimal when FieldBounds.TryNumber(text, out var n) => JsonValue.Create(n),
            FieldKind.YesNo when bool.TryParse(text, out var b) => JsonValue.Create(b),
            FieldKind.SeveralChoices => new JsonArray([.. text.Split('\n').Select(s => s.Trim()).Where(s => s.Length > 0)
                .Select(s => (JsonNode?)JsonValue.Create(s))]),
            _ => JsonValue.Create(field.Kind == FieldKind.LongText ? field.Default : text),
        };
        return JsonSerializer.SerializeToElement(node);
    }

    /// <summary>The refusal of a required field left empty (also shown by the run form before it sends anything).</summary>
    public static FieldProblem Missing(InputField field) => field.Kind switch
    {
        FieldKind.OneChoice or FieldKind.SeveralChoices => new(field.Name, $"{field.Label}: välj ett alternativ.", "MissingChoice", [field.Label]),
        _ => new(field.Name, $"{field.Label}: fyll i ett värde.", "Missing", [field.Label]),
    };

    /// <summary>A value that counts as not given: null, blank text or an empty list (the field's default applies).</summary>
    public static bool IsEmpty(JsonElement? value) => value is not { } v || v.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => true,
        JsonValueKind.String => v.GetString()!.Trim().Length == 0,
        JsonValueKind.Array => v.GetArrayLength() == 0,
        _ => false,
    };

    private static Dictionary<string, JsonElement?> Parse(string? json, List<FieldProblem> problems)
    {
        var given = new Dictionary<string, JsonElement?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return given;
        }
        if (json.Length > MaxJsonLength || !TextRules.IsStorable(json))
        {
            problems.Add(new FieldProblem("", "Fältvärdena är för stora eller innehåller otillåtna tecken.", "ValuesTooLarge"));
            return given;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new FieldProblem("", "Fältvärdena måste vara ett JSON-objekt (namn → värde).", "ValuesNotObject"));
                return given;
            }
            foreach (var property in document.RootElement.EnumerateObject())
            {
                given[property.Name] = property.Value.Clone();
            }
        }
        catch (JsonException)
        {
            problems.Add(new FieldProblem("", "Fältvärdena är inte giltig JSON.", "ValuesNotJson"));
        }
        return given;
    }

    private static string Clip(string text) => text.Length <= 60 ? text : text[..60];
}
