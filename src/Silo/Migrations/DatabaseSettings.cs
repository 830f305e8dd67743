using Npgsql;

namespace Skriptoteket.Silo.Migrations;

/// <summary>The PostgreSQL connection string (setting ConnectionStrings:Skriptoteket), checked when the host is built.</summary>
internal sealed record DatabaseSettings(string ConnectionString)
{
    public const string Key = "ConnectionStrings:Skriptoteket";

    /// <summary>
    /// Statements a pooled connection keeps prepared when the connection string does not say (Npgsql's
    /// <c>Max Auto Prepare</c>). Every grain state write, row batch and read is the same few dozen statements:
    /// prepared once per connection, PostgreSQL skips parsing and planning them on every call (docs/performance.md,
    /// "Tool state changes").
    /// </summary>
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>The configured string with the product's defaults for what it leaves out; a malformed string is kept as
    /// given, so the host's start reports it in its one line (<c>DatabaseStartProblem</c>).</summary>
    public static DatabaseSettings From(string configured)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(configured);
        }
        catch (ArgumentException)
        {
            return new DatabaseSettings(configured);
        }
        // What the string itself names (Npgsql's builder answers for every keyword it knows).
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured };
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }
        return new DatabaseSettings(builder.ConnectionString);
    }
}
