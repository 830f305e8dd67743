using System.Net.Sockets;
using Npgsql;

namespace Skriptoteket.Grains.Persistence;

/// <summary>How a failed query-row write is treated (ADR 0008): transient failures are retried, others undo.</summary>
public static class RowWrites
{
    /// <summary>How often a grain retries a row write that failed for a transient reason.</summary>
    public static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(5);

    /// <summary>
    /// True when the same write may succeed later unchanged (connection lost, timeout, server shutting down,
    /// serialization failure); false when the data itself was refused (a constraint, an encoding error).
    /// </summary>
    public static bool IsTransient(Exception ex) => ex switch
    {
        PostgresException pg => pg.IsTransient || pg.SqlState.StartsWith("08", StringComparison.Ordinal)
                                || pg.SqlState.StartsWith("57", StringComparison.Ordinal),
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
        TimeoutException or SocketException => true,
        _ => false,
    };
}
