using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Validation;

namespace Skriptoteket.Grains.Abstractions.Tools.Examples;

/// <summary>What an example's name and a publishing note may be (Swedish messages; the studio checks the name with them before it asks the grain).</summary>
public static class ExampleRules
{
    public const int MaxName = 80;
    public const int MaxExamplesPerTool = 20;
    public const int MaxNote = TextLimits.ReviewNote;

    public static string Name(string? name) => TextRules.Required(name, "Exemplets namn", MaxName);

    /// <summary>The note a publisher writes when examples changed, failed or still run; null when left empty.</summary>
    public static string? Note(string? note) => TextRules.OptionalOrNull(note, "Anteckningen om exemplen", MaxNote);

    public static DomainException NameTaken(string name) => DomainException.Conflict($"Det finns redan ett exempel som heter \"{name}\".", "Example.NameTaken", name);
}
