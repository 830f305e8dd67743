using System.Net.Sockets;
using Npgsql;

namespace Skriptoteket.Silo.Hosting;

/// <summary>
/// The host cannot start without its database. The usual reasons (no such database, wrong password, nothing
/// listening, a malformed connection string) are said in one line an operator can act on, instead of a stack
/// trace; anything else stays an unhandled exception with its trace.
/// </summary>
internal static class DatabaseStartProblem
{
    private const string Setting = "ConnectionStrings:Skriptoteket (environment variable ConnectionStrings__Skriptoteket)";

    public static string? Explain(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } missing:
                    return $"The database in {Setting} does not exist: {missing.MessageText}. Create it first " +
                           "(createdb, or CREATE DATABASE as a PostgreSQL superuser); the host creates the schema itself. " +
                           "See docs/configuration.md.";
                case PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } refused:
                    return $"PostgreSQL refused the user in {Setting}: {refused.MessageText}. Check the user name and password.";
                case SocketException socket:
                    return $"PostgreSQL cannot be reached at the host and port in {Setting}: {socket.Message}. " +
                           "Is it running? (./run.sh starts the local one.)";
                case ArgumentException format when format.StackTrace?.Contains("Npgsql", StringComparison.Ordinal) == true:
                    return $"{Setting} is not a valid connection string: {format.Message} See docs/configuration.md.";
            }
        }
        return null;
    }
}
