using System.Diagnostics;
using Npgsql;

namespace Skriptoteket.Benchmarks;

/// <summary>
/// The staff meeting (issue 23: a principal says "run it now"): every teacher has an account and a session of their
/// own, they start the pandas + openpyxl sample tool spread over a few seconds through the web node, and each waits for
/// the result with <c>GET tool-runs/{id}?wait=</c>. Counts refusals and failures, the furthest queue position a
/// teacher was shown, the time from each teacher's click to their result, and which silo ran each run.
/// </summary>
internal static class StaffBurst
{
    public sealed record Figures(string Where, int Teachers, double SpreadSeconds, int Succeeded, int Refused, int Failed,
        int FurthestQueuePosition, Timings ToResult, double WholeSeconds, IReadOnlyDictionary<string, int> Silos);

    /// <param name="where">Where the burst ran, for the report ("one host", "cluster, 2 runner silos").</param>
    /// <param name="database">The host's database: which silo ran a run is in the runs table (the API shows it to admins only).</param>
    public static async Task<Figures> RunAsync(string where, AdminSession admin, string database, string slug, string fileName, byte[] file,
        int teachers, TimeSpan spread)
    {
        var sessions = new List<TeacherSession>();
        for (var i = 0; i < teachers; i++)
        {
            sessions.Add(await admin.NewTeacherAsync(i));
        }
        var results = new (bool Refused, string Status, int QueuePosition, double Ms, Guid RunId)[teachers];
        var whole = Stopwatch.StartNew();
        await Task.WhenAll(sessions.Select(async (session, i) =>
        {
            await Task.Delay(spread * i / teachers); // the clicks come over the spread, not all in one millisecond
            var clock = Stopwatch.StartNew();
            var (run, refusal) = await session.StartAsync(slug, fileName, file);
            if (refusal is not null)
            {
                results[i] = (true, refusal, 0, clock.Elapsed.TotalMilliseconds, Guid.Empty);
                return;
            }
            var position = TeacherSession.QueuePosition(run);
            run = await session.WaitAsync(run);
            results[i] = (false, run.GetProperty("status").GetString()!, position, clock.Elapsed.TotalMilliseconds, run.GetProperty("runId").GetGuid());
        }));
        var wholeSeconds = whole.Elapsed.TotalSeconds;
        foreach (var session in sessions)
        {
            session.Dispose();
        }
        foreach (var problem in results.Where(r => r.Refused || r.Status != "succeeded").Take(3))
        {
            Console.WriteLine($"  staff burst ({where}): a teacher got {problem.Status}");
        }
        return new Figures(where, teachers, spread.TotalSeconds, results.Count(r => r.Status == "succeeded"), results.Count(r => r.Refused),
            results.Count(r => !r.Refused && r.Status != "succeeded"), results.Max(r => r.QueuePosition),
            new Timings("staff burst: click to result", results.Where(r => !r.Refused).Select(r => r.Ms).ToList()), wholeSeconds,
            await SilosAsync(database, results.Where(r => !r.Refused).Select(r => r.RunId)));
    }

    /// <summary>How many of the runs each silo ran, from the runs table ("none": never claimed).</summary>
    public static async Task<IReadOnlyDictionary<string, int>> SilosAsync(string database, IEnumerable<Guid> runIds)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT coalesce(silo, 'none'), count(*)::int FROM runs WHERE id = ANY(@ids) GROUP BY 1", connection);
        command.Parameters.AddWithValue("ids", runIds.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var silos = new Dictionary<string, int>();
        while (await reader.ReadAsync())
        {
            silos[reader.GetString(0)] = reader.GetInt32(1);
        }
        return silos;
    }
}
