namespace Skriptoteket.Grains.Abstractions.Tools;

/// <summary>Settings of the tool lifecycle (section "Tools"): the tool grain enforces them, the studio and the admin pages show them.</summary>
public sealed class ToolsOptions
{
    public const string Section = "Tools";

    /// <summary>When true, the author of a version may not publish it (another admin must). Default false.</summary>
    public bool RequireFourEyes { get; set; }
}
