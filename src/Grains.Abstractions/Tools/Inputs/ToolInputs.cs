using System.Text.Json.Serialization;

namespace Skriptoteket.Grains.Abstractions.Tools.Inputs;

/// <summary>The kinds of input field a tool version may declare (docs/tool-author-guide.md, "Fält").</summary>
public enum FieldKind
{
    ShortText = 0,
    LongText = 1,
    Integer = 2,
    Decimal = 3,
    YesNo = 4,
    OneChoice = 5,
    SeveralChoices = 6,
    Date = 7,
}

/// <summary>
/// One declared input field. Name is the key the script reads; Label and Help are what the teacher sees.
/// Default, Min and Max are text in the canonical form of the kind (numbers with '.', dates YYYY-MM-DD,
/// yes/no "true"/"false", several choices one per line). Min/Max bound the value of numbers and dates, the
/// length of texts and the count of several choices; one choice and yes/no have none.
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.InputField")]
public sealed record InputField(
    [property: Id(0)] string Name,
    [property: Id(1)] FieldKind Kind,
    [property: Id(2)] string Label,
    [property: Id(3)] string Help = "",
    [property: Id(4)] bool Required = false,
    [property: Id(5)] string? Default = null,
    [property: Id(6)] string? Min = null,
    [property: Id(7)] string? Max = null,
    [property: Id(8)] IReadOnlyList<string>? Options = null)
{
    /// <summary>The options of a choice field (never null).</summary>
    public IReadOnlyList<string> Choices => Options ?? [];
}

/// <summary>
/// Which files a run takes: at least MinFiles, at most MaxFiles (also never more than the installation's
/// Uploads:MaxFiles), with one of Extensions (".csv"; empty: every type the installation accepts).
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.FileInputs")]
public sealed record FileInputs(
    [property: Id(0)] int MinFiles,
    [property: Id(1)] int MaxFiles,
    [property: Id(2)] IReadOnlyList<string>? Extensions = null)
{
    /// <summary>
    /// Every file type a run may take (SPEC §6); a version's Extensions choose among these. .py is accepted as
    /// text and never executed. Here rather than in UploadLimits so a tool's declaration is checked without
    /// reaching up into runs.
    /// </summary>
    public static IReadOnlyList<string> AllowedTypes { get; } = [".csv", ".xlsx", ".docx", ".pdf", ".md", ".txt", ".py"];

    public IReadOnlyList<string> Types => Extensions ?? [];
}

/// <summary>
/// What a tool version asks of the teacher besides pressing Run: fields and files. Part of the version (its
/// content hash, diffs, zip). A version saved before declarations existed has <see cref="Legacy"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.ToolInputs")]
public sealed record ToolInputs(
    [property: Id(0)] IReadOnlyList<InputField> Fields,
    [property: Id(1)] FileInputs Files,
    [property: Id(2)] IReadOnlyList<InputField>? Settings = null)
{
    /// <summary>
    /// The per-person settings the version declares (<c>st.settings</c>; never null). Not part of the JSON (the
    /// content hash): "settings" is written only when there are some (<see cref="ToolInputsJson.Canonical"/>).
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<InputField> SettingsFields => Settings ?? [];

    /// <summary>Most files any declaration may ask for (the installation's upload limit may be lower).</summary>
    public const int MaxDeclaredFiles = 50;

    /// <summary>The contract of run contract v1: no fields, one file or more (run_tool reads the first).</summary>
    public static ToolInputs Legacy { get; } = new([], new FileInputs(1, MaxDeclaredFiles));

    /// <summary>True when this declaration says exactly what a version without one means.</summary>
    public bool IsLegacy => Fields.Count == 0 && SettingsFields.Count == 0 && Files.MinFiles == 1 && Files.MaxFiles == MaxDeclaredFiles && Files.Types.Count == 0;

    public InputField? Find(string name) => Fields.FirstOrDefault(f => f.Name == name);
}
