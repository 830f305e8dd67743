using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Grains.Abstractions.Catalog;

/// <summary>The tool page of a published tool with an active version, and what that version asks for.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.PublishedTool")]
public sealed record PublishedTool(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Slug,
    [property: Id(2)] string Title,
    [property: Id(3)] string Summary,
    [property: Id(4)] string UsageMarkdown,
    [property: Id(5)] Guid ActiveVersionId,
    [property: Id(6)] ToolInputs? Inputs = null,
    [property: Id(7)] IReadOnlyList<string>? MaintainerNames = null)
{
    /// <summary>The active version's fields and files (run contract v1's when it declares none).</summary>
    public ToolInputs Declared => Inputs ?? ToolInputs.Legacy;
}
