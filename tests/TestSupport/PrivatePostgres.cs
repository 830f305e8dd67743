using Npgsql;

namespace Skriptoteket.TestSupport;

/// <summary>
/// A PostgreSQL 15 cluster of a test's own (initdb in .local/private-pg/, its own loopback port, run as user
/// postgres like scripts/prepare.sh does), so a test may restart or overload it without touching the shared
/// PostgreSQL on 127.0.0.1:55432 that every other suite on this machine uses. Removed on dispose.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private const string Password = "skriptoteket";

    private readonly string folder;

    private PrivatePostgres(string folder, int port)
    {
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }

    private string Data => Path.Combine(folder, "data");

    private string Log => Path.Combine(folder, "postgres.log");

    /// <summary>The database the product's hosts use, owned by role skriptoteket.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Database=skriptoteket;Username=skriptoteket;Password={Password}";

    public static async Task<PrivatePostgres> StartAsync(string purpose)
    {
        var port = FreePorts.Next();
        var folder = Path.Combine(RepositoryPaths.Root, ".local", "private-pg", $"{purpose}-{port}");
        Directory.CreateDirectory(folder);
        var postgres = new PrivatePostgres(folder, port);
        try
        {
            await Commands.RunAsync("chown", ["postgres:postgres", folder]);
            await Commands.AsPostgresAsync($"{Bin}/initdb", "-D", postgres.Data, "--auth-local=trust",
                "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8");
            await postgres.StartServerAsync();
            await Commands.AsPostgresAsync($"{Bin}/psql", "-h", folder, "-p", port.ToString(), "-U", "postgres", "-d", "postgres",
                "-qAt", "-v", "ON_ERROR_STOP=1",
                "-c", $"CREATE ROLE skriptoteket LOGIN CREATEDB PASSWORD '{Password}'",
                "-c", "CREATE DATABASE skriptoteket OWNER skriptoteket");
        }
        catch
        {
            await postgres.DisposeAsync();
            throw;
        }
        return postgres;
    }

    /// <summary>A fast restart (pg_ctl restart -m fast): every connection is cut, the server is back within seconds.</summary>
    public Task RestartAsync() =>
        Commands.AsPostgresAsync($"{Bin}/pg_ctl", "-D", Data, "-w", "-t", "60", "-l", Log, "-m", "fast", "restart", "-o", ServerOptions);

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(Data, "postmaster.pid")))
        {
            await Commands.AsPostgresAsync($"{Bin}/pg_ctl", "-D", Data, "-w", "-t", "60", "-m", "immediate", "stop");
        }
        Directory.Delete(folder, recursive: true);
    }

    // Room for four hosts under a 200-run load (each host has two pools); fsync off: the data is thrown away.
    private string ServerOptions => $"-p {Port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off";

    private Task StartServerAsync() =>
        Commands.AsPostgresAsync($"{Bin}/pg_ctl", "-D", Data, "-w", "-t", "60", "-l", Log, "start", "-o", ServerOptions);
}
