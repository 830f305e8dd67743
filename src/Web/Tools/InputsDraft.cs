using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Web.Tools;

/// <summary>One field as the form builder edits it (options one per line).</summary>
public sealed class FieldDraft
{
    public string Name { get; set; } = "";
    public FieldKind Kind { get; set; } = FieldKind.ShortText;
    public string Label { get; set; } = "";
    public string Help { get; set; } = "";
    public bool Required { get; set; }
    public string? Default { get; set; }
    public string? Min { get; set; }
    public string? Max { get; set; }
    public string OptionsText { get; set; } = "";

    public InputField ToField() => new(Name, Kind, Label, Help, Required, Default, Min, Max,
        FieldBounds.HasOptions(Kind) ? [.. OptionsText.Split('\n').Select(o => o.Trim()).Where(o => o.Length > 0)] : null);

    public static FieldDraft From(InputField f) => new()
    {
        Name = f.Name, Kind = f.Kind, Label = f.Label, Help = f.Help, Required = f.Required, Default = f.Default,
        Min = f.Min, Max = f.Max, OptionsText = string.Join('\n', f.Choices),
    };
}

/// <summary>
/// The studio's form builder model (pure): add, change, reorder and remove fields and settings and say which files
/// the tool takes, without writing JSON. <see cref="Problems"/> are the tool grain's own rules (ToolInputRules).
/// Settings (st.settings) are declared exactly like fields, in their own list.
/// </summary>
public sealed class InputsDraft
{
    public List<FieldDraft> Fields { get; } = [];
    public List<FieldDraft> Settings { get; } = [];
    public int MinFiles { get; set; } = 1;
    public int MaxFiles { get; set; } = ToolInputs.MaxDeclaredFiles;
    public HashSet<string> Types { get; } = [];

    /// <summary>
    /// The declaration to edit. <paramref name="fileLimit"/> is the installation's per-run limit (UploadLimits.MaxFiles):
    /// no run takes more files, so "most files" starts at it when the declaration allows more (e.g. the legacy 50).
    /// </summary>
    public static InputsDraft From(ToolInputs inputs, int fileLimit = ToolInputs.MaxDeclaredFiles)
    {
        var draft = new InputsDraft { MinFiles = inputs.Files.MinFiles, MaxFiles = Math.Min(inputs.Files.MaxFiles, fileLimit) };
        draft.Fields.AddRange(inputs.Fields.Select(FieldDraft.From));
        draft.Settings.AddRange(inputs.SettingsFields.Select(FieldDraft.From));
        draft.Types.UnionWith(inputs.Files.Types);
        return draft;
    }

    public ToolInputs ToInputs() => new([.. Fields.Select(f => f.ToField())],
        new FileInputs(MinFiles, MaxFiles, Types.Count == 0 ? null : [.. Types.Order()]),
        Settings.Count == 0 ? null : [.. Settings.Select(f => f.ToField())]);

    public IReadOnlyList<string> Problems => ToolInputRules.Problems(ToInputs());

    /// <summary>A new short-text field with a free name (falt_1, falt_2, …).</summary>
    public FieldDraft Add() => Add(Fields, "falt", "Fält");

    /// <summary>A new short-text setting with a free name (installning_1, …).</summary>
    public FieldDraft AddSetting() => Add(Settings, "installning", "Inställning");

    public void Move(int index, int by) => Move(Fields, index, by);

    public void Remove(int index) => Remove(Fields, index);

    public static FieldDraft Add(List<FieldDraft> list, string name, string label)
    {
        var n = list.Count + 1;
        while (list.Any(f => f.Name == $"{name}_{n}"))
        {
            n++;
        }
        var field = new FieldDraft { Name = $"{name}_{n}", Label = $"{label} {n}" };
        list.Add(field);
        return field;
    }

    public static void Move(List<FieldDraft> list, int index, int by)
    {
        var to = index + by;
        if (index < 0 || index >= list.Count || to < 0 || to >= list.Count)
        {
            return;
        }
        (list[index], list[to]) = (list[to], list[index]);
    }

    public static void Remove(List<FieldDraft> list, int index)
    {
        if (index >= 0 && index < list.Count)
        {
            list.RemoveAt(index);
        }
    }
}
