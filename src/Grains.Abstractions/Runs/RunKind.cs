namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>Sandbox runs test any version an author may see; production runs use a published tool's active version.</summary>
public enum RunKind
{
    Sandbox = 0,
    Production = 1,
}
