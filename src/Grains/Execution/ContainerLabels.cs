namespace Skriptoteket.Grains.Execution;

/// <summary>Labels every runner container carries, so a restarted silo (or another runner silo
/// of the same cluster on the same engine, when the owner is gone) can find leftovers.</summary>
internal static class ContainerLabels
{
    public const string RunId = "org.skriptoteket.run-id";
    public const string Silo = "org.skriptoteket.silo";
    public const string Cluster = "org.skriptoteket.cluster";
}
