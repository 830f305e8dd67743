namespace Skriptoteket.Grains.Execution;

/// <summary>Labels every runner container carries, so a restarted silo (or another runner silo
/// of the same cluster on the same engine, when the owner is gone) can find leftovers.</summary>
internal static class ContainerLabels
{
    public const string RunId = "org.skriptoteket.run-id";
    public const string Silo = "org.skriptoteket.silo";

    /// <summary>
    /// On warm pool containers, made before their run exists: they carry no run-id label (labels cannot change
    /// after create), and are renamed to the run's container name when a run takes them.
    /// </summary>
    public const string Pool = "org.skriptoteket.pool";
    public const string Cluster = "org.skriptoteket.cluster";
}
