namespace Skriptoteket.Grains.Persistence;

/// <summary>Names of the Orleans storage providers the host registers (ADO.NET on PostgreSQL in production).</summary>
public static class StorageNames
{
    /// <summary>Grain state store.</summary>
    public const string Store = "store";
}
