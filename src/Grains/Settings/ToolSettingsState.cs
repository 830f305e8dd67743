namespace Skriptoteket.Grains.Settings;

/// <summary>One person's saved settings for one tool (grain storage, ADO.NET like the other grains' state).</summary>
[GenerateSerializer, Alias("Skriptoteket.ToolSettingsState")]
public sealed class ToolSettingsState
{
    /// <summary>The values the person gave (JSON object, name → typed value); a setting left empty follows its default.</summary>
    [Id(0)] public string ValuesJson { get; set; } = "{}";

    /// <summary>Labels of saved values dropped because a newer declaration no longer fits them, not yet told to the person.</summary>
    [Id(1)] public List<string> Dropped { get; set; } = [];

    /// <summary>The label each saved value had when it was saved: what the person is told when it is dropped.</summary>
    [Id(2)] public Dictionary<string, string> Labels { get; set; } = [];
}
