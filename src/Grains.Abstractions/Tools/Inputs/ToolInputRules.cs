using System.Text.RegularExpressions;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Validation;

namespace Skriptoteket.Grains.Abstractions.Tools.Inputs;

/// <summary>
/// Validation of a declaration itself (pure; the tool grain on save, the studio's form builder as the admin
/// types): names are Python identifiers and unique, labels present, options present and unique, min ≤ max,
/// the default a valid value, file counts and types possible; the settings (per-person, <c>st.settings</c>) by the
/// same rules, with names unique among the settings. Returns the normalized declaration.
/// </summary>
public static partial class ToolInputRules
{
    public const int MaxFields = 30;
    public const int MaxOptions = 100;
    public const int NameLength = 40;
    public const int LabelLength = 200;
    public const int HelpLength = 1_000;
    public const int OptionLength = 200;

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\z")]
    private static partial Regex Identifier();

    /// <summary>A name of a field or a step: a Python identifier of 1–<see cref="NameLength"/> characters.</summary>
    public static bool IsName(string? name) => name is { Length: > 0 and <= NameLength } && Identifier().IsMatch(name);

    /// <summary>Why a name is refused, in Swedish (after "{field}: " or a step's "Steget … visas inte: ").</summary>
    public static string NameRule => $"namnet måste vara 1–{NameLength} tecken, börja med en bokstav eller _ och bara innehålla a–z, A–Z, 0–9 och _.";

    /// <summary>Every problem of the declaration, in Swedish (empty when it is valid).</summary>
    public static IReadOnlyList<string> Problems(ToolInputs? inputs)
    {
        if (inputs?.Fields is null || inputs.Files is null)
        {
            return ["Indata-deklarationen saknas."];
        }
        var problems = new List<string>();
        if (inputs.Fields.Count > MaxFields)
        {
            problems.Add($"Högst {MaxFields} fält per verktyg.");
        }
        ListProblems(inputs.Fields, "Fält", "Fältet", problems);
        FileProblems(inputs.Files, problems);
        // Settings (st.settings) are fields the teacher saves once: the same kinds and rules, their own names.
        if (inputs.SettingsFields.Count > MaxFields)
        {
            problems.Add($"Högst {MaxFields} inställningar per verktyg.");
        }
        ListProblems(inputs.SettingsFields, "Inställning", "Inställningen", problems);
        return problems;
    }

    private static void ListProblems(IReadOnlyList<InputField> fields, string numbered, string named, List<string> problems)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (field is null)
            {
                problems.Add($"{numbered} {i + 1} saknas.");
                continue;
            }
            var who = string.IsNullOrWhiteSpace(field.Name) ? $"{numbered} {i + 1}" : $"{named} \"{Clip(field.Name)}\"";
            FieldProblems(field, who, names, problems);
        }
    }

    /// <summary>The trimmed declaration, or one VALIDATION error listing every problem.</summary>
    public static ToolInputs Validate(ToolInputs? inputs)
    {
        var problems = Problems(inputs);
        if (problems.Count > 0)
        {
            throw DomainException.Invalid(string.Join(" ", problems), "Inputs.Invalid", string.Join(" ", problems));
        }
        return Normalize(inputs!);
    }

    private static void FieldProblems(InputField field, string who, HashSet<string> names, List<string> problems)
    {
        var before = problems.Count;
        var name = (field.Name ?? "").Trim();
        if (!IsName(name))
        {
            problems.Add($"{who}: {NameRule}");
        }
        else if (!names.Add(name))
        {
            problems.Add($"{who}: namnet finns redan; varje fält behöver ett eget namn.");
        }
        if (!Enum.IsDefined(field.Kind))
        {
            problems.Add($"{who}: okänd fälttyp.");
            return;
        }
        Text(field.Label, LabelLength, required: true, $"{who}: etiketten", problems);
        Text(field.Help, HelpLength, required: false, $"{who}: hjälptexten", problems);
        OptionProblems(field, who, problems);
        BoundProblems(field, who, problems);
        if (problems.Count == before && FieldValueRules.DefaultProblem(Normalize(field)) is { } wrongDefault)
        {
            problems.Add($"{who}: standardvärdet {wrongDefault}");
        }
    }

    private static void OptionProblems(InputField field, string who, List<string> problems)
    {
        var options = field.Choices;
        if (!FieldBounds.HasOptions(field.Kind))
        {
            if (options.Count > 0)
            {
                problems.Add($"{who}: bara val-fält har alternativ.");
            }
            return;
        }
        var trimmed = options.Select(o => (o ?? "").Trim()).ToList();
        if (trimmed.Count == 0 || trimmed.All(o => o.Length == 0))
        {
            problems.Add($"{who}: ange minst ett alternativ.");
        }
        else if (trimmed.Count > MaxOptions)
        {
            problems.Add($"{who}: högst {MaxOptions} alternativ.");
        }
        else if (trimmed.Any(o => o.Length == 0 || o.Length > OptionLength || !TextRules.IsStorable(o) || o.Contains('\n')))
        {
            problems.Add($"{who}: varje alternativ måste vara en rad med 1–{OptionLength} tecken.");
        }
        else if (trimmed.Distinct(StringComparer.Ordinal).Count() != trimmed.Count)
        {
            problems.Add($"{who}: alternativen måste vara olika.");
        }
    }

    private static void BoundProblems(InputField field, string who, List<string> problems)
    {
        var hasMin = !string.IsNullOrWhiteSpace(field.Min);
        var hasMax = !string.IsNullOrWhiteSpace(field.Max);
        if (!FieldBounds.HasBounds(field.Kind))
        {
            if (hasMin || hasMax)
            {
                problems.Add($"{who}: den här fälttypen har inget minsta eller största värde.");
            }
            return;
        }
        var what = field.Kind == FieldKind.Date ? "ett datum (ÅÅÅÅ-MM-DD)" : FieldBounds.BoundsCount(field.Kind) ? "ett heltal ≥ 0" :
            field.Kind == FieldKind.Integer ? "ett heltal" : "ett tal";
        decimal min = 0, max = 0;
        if (hasMin && !FieldBounds.TryBound(field.Kind, field.Min!, out min))
        {
            problems.Add($"{who}: minsta värdet måste vara {what}.");
            return;
        }
        if (hasMax && !FieldBounds.TryBound(field.Kind, field.Max!, out max))
        {
            problems.Add($"{who}: största värdet måste vara {what}.");
            return;
        }
        if (hasMin && hasMax && min > max)
        {
            problems.Add($"{who}: minsta värdet är större än det största.");
        }
        if (FieldBounds.BoundsCount(field.Kind) && field.Kind != FieldKind.SeveralChoices && hasMax && max > FieldBounds.TextMax(field.Kind))
        {
            problems.Add($"{who}: högst {FieldBounds.TextMax(field.Kind)} tecken är möjligt.");
        }
    }

    private static void FileProblems(FileInputs files, List<string> problems)
    {
        if (files.MinFiles < 0 || files.MaxFiles < 0 || files.MaxFiles > ToolInputs.MaxDeclaredFiles)
        {
            problems.Add($"Antalet filer måste vara mellan 0 och {ToolInputs.MaxDeclaredFiles}.");
        }
        else if (files.MinFiles > files.MaxFiles)
        {
            problems.Add("Minsta antalet filer är större än det största.");
        }
        var unknown = files.Types.Select(NormalizeType).Where(t => !FileInputs.AllowedTypes.Contains(t)).ToList();
        if (unknown.Count > 0)
        {
            problems.Add($"Filtypen {Clip(unknown[0])} stöds inte. Möjliga: {string.Join(", ", FileInputs.AllowedTypes)}.");
        }
    }

    private static void Text(string? text, int max, bool required, string what, List<string> problems)
    {
        var value = (text ?? "").Trim();
        if (required && value.Length == 0)
        {
            problems.Add($"{what} saknas.");
        }
        else if (value.Length > max)
        {
            problems.Add($"{what} får vara högst {max} tecken.");
        }
        else if (!TextRules.IsStorable(value))
        {
            problems.Add($"{what} innehåller otillåtna tecken.");
        }
    }

    // Lists, not collection expressions: a declaration is kept in the tool grain's JSON state with its runtime type
    // named, and the list types the compiler makes for [.. x] are not on Orleans' allow-list, so the state could not be
    // read back after the grain was deactivated (ToolStateReactivationTests).
    private static ToolInputs Normalize(ToolInputs inputs) => new(
        inputs.Fields.Select(Normalize).ToList(),
        new FileInputs(inputs.Files.MinFiles, inputs.Files.MaxFiles,
            inputs.Files.Types.Count == 0 ? null : inputs.Files.Types.Select(NormalizeType).Distinct().ToList()),
        inputs.SettingsFields.Count == 0 ? null : inputs.SettingsFields.Select(Normalize).ToList());

    private static InputField Normalize(InputField f) => new(
        f.Name.Trim(), f.Kind, f.Label.Trim(), (f.Help ?? "").Trim(), f.Required,
        string.IsNullOrWhiteSpace(f.Default) ? null : f.Kind == FieldKind.LongText ? f.Default : f.Default.Trim(),
        string.IsNullOrWhiteSpace(f.Min) ? null : f.Min.Trim(),
        string.IsNullOrWhiteSpace(f.Max) ? null : f.Max.Trim(),
        FieldBounds.HasOptions(f.Kind) ? f.Choices.Select(o => o.Trim()).ToList() : null);

    /// <summary>".CSV", "csv" → ".csv".</summary>
    public static string NormalizeType(string? type)
    {
        var t = (type ?? "").Trim().ToLowerInvariant();
        return t.StartsWith('.') ? t : "." + t;
    }

    private static string Clip(string text) => text.Length <= 60 ? text : text[..60];
}
