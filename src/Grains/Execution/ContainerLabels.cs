namespace Skriptoteket.Grains.Execution;

/// <summary>Labels every runner container carries, so a restarted silo can find its leftovers.</summary>
internal static class ContainerLabels
{
    public const string RunId = "org.skriptoteket.run-id";
    public const string Silo = "org.skriptoteket.silo";
}
