using System.Text.RegularExpressions;
using Npgsql;
using Skriptoteket.Grains.Insights;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Benchmarks;

/// <summary>
/// Tool insights at 100,000 runs over 50 tools (issue 22): the overview and one tool's insights, as the insights grain
/// reads them (InsightsQueries on its own database), with the indexes of 0710_run_insights_indexes.sql and without them,
/// side by side; and which indexes PostgreSQL's plans use (EXPLAIN ANALYZE).
/// </summary>
internal static partial class InsightsPaths
{
    public const int Tools = 50;
    public const int Runs = 100_000;

    private static readonly string[] Indexes = ["runs_insights_by_tool", "runs_insights_recent", "runs_insights_failures"];

    public static async Task MeasureAsync(Report report, int rounds)
    {
        await using var database = await TestDatabase.CreateAsync("insights");
        await using var data = database.CreateDataSource();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var tools = await SeedAsync(data);
        Console.WriteLine($"  seeded {Runs:N0} runs over {Tools} tools in {clock.Elapsed.TotalSeconds:F1} s (one INSERT … SELECT FROM generate_series)");
        var queries = new InsightsQueries(data);
        var since = DateTimeOffset.UtcNow.AddDays(-30);
        var n = 0;

        async Task<(Timings Tool, Timings Overview)> Measure(string label) => (
            await Timings.MeasureAsync($"insights of one tool ({Runs / Tools:N0} runs), {label}", rounds * 10,
                () => queries.ForToolAsync(tools[Interlocked.Increment(ref n) % tools.Count])),
            await Timings.MeasureAsync($"insights overview ({Tools} tools, 30 days), {label}", rounds * 10, () => queries.OverviewAsync(since)));

        var with = await Measure("with the 0710 indexes");
        var withServer = await ExplainAsync(data, tools[0], since, "with the 0710 indexes");
        await ExecAsync(data, string.Join("; ", Indexes.Select(i => $"DROP INDEX {i}")) + "; ANALYZE runs");
        var without = await Measure("without them");
        var withoutServer = await ExplainAsync(data, tools[0], since, "without them");

        foreach (var t in new[] { with.Tool, with.Overview, without.Tool, without.Overview })
        {
            report.Add($"insights-{t.Name}", t);
        }
        Console.WriteLine();
        Console.WriteLine($"{"insights (ms)",-44} {"with",9} {"without",9} {"without ÷ with",15}");
        Row("one tool's insights, request p50", with.Tool.P50, without.Tool.P50);
        Row("one tool's insights, request p95", with.Tool.P95, without.Tool.P95);
        Row("one tool's insights, PostgreSQL (EXPLAIN)", withServer.Tool, withoutServer.Tool);
        Row("overview, request p50", with.Overview.P50, without.Overview.P50);
        Row("overview, request p95", with.Overview.P95, without.Overview.P95);
        Row("overview, PostgreSQL (EXPLAIN)", withServer.Overview, withoutServer.Overview);
        Console.WriteLine();
    }

    private static void Row(string name, double with, double without) =>
        Console.WriteLine($"{name,-44} {with,9:F1} {without,9:F1} {without / with,15:F2}");

    /// <summary>
    /// 50 tools with three versions each; runs over the last 120 days: 90 % production, the rest sandbox and example
    /// checks; 85 % succeed, 9 % fail (twenty author messages and some script errors), 3 % time out, 3 % are canceled;
    /// 0.2–20 s each. VACUUM sets the visibility map, as autovacuum does on a live table, so index-only scans can skip the heap.
    /// </summary>
    private static async Task<IReadOnlyList<Guid>> SeedAsync(NpgsqlDataSource data)
    {
        await ExecAsync(data, $"""
            WITH t AS (SELECT gen_random_uuid() AS id, i FROM generate_series(1, {Tools}) AS i),
            tools_in AS (INSERT INTO tools (id, slug, title, created_by)
                         SELECT id, 'insikt-' || i, 'Verktyg ' || i, gen_random_uuid() FROM t)
            INSERT INTO tool_versions (id, tool_id, number, state, source, content_sha256, created_by)
            SELECT gen_random_uuid(), t.id, v, CASE WHEN v = 3 THEN 'active' ELSE 'archived' END, 'x', repeat('0', 64), gen_random_uuid()
            FROM t, generate_series(1, 3) AS v
            """);
        await ExecAsync(data, $"""
            WITH v AS (SELECT id, tool_id, row_number() OVER (ORDER BY tool_id, number) - 1 AS n FROM tool_versions),
            s AS (SELECT i, random() AS roll, random() AS kind_roll, now() - random() * interval '120 days' AS at,
                         (200 + random() * 19800)::int AS ms FROM generate_series(1, {Runs}) AS i)
            INSERT INTO runs (id, kind, status, tool_id, version_id, requested_by, error_summary, oom_killed,
                              created_at, started_at, finished_at)
            SELECT gen_random_uuid(),
                   CASE WHEN kind_roll < 0.9 THEN 'production' WHEN kind_roll < 0.97 THEN 'sandbox' ELSE 'example_check' END,
                   CASE WHEN roll < 0.85 THEN 'succeeded' WHEN roll < 0.94 THEN 'failed' WHEN roll < 0.97 THEN 'timed_out' ELSE 'canceled' END,
                   v.tool_id, v.id, gen_random_uuid(),
                   CASE WHEN roll < 0.85 THEN NULL
                        WHEN roll < 0.92 THEN 'Kolumnen ' || (i % 20) || ' saknas i filen.'
                        WHEN roll < 0.94 THEN 'Verktyget stötte på ett oväntat fel. Ge referensen ' || left(md5(i::text), 8) || ' till den som ansvarar för verktyget.'
                        WHEN roll < 0.97 THEN 'Tidsgränsen överskreds (60 s).'
                        ELSE NULL END,
                   false, s.at, s.at, s.at + make_interval(secs => s.ms / 1000.0)
            FROM s JOIN v ON v.n = i % ({Tools} * 3)
            """);
        await ExecAsync(data, "VACUUM ANALYZE runs; ANALYZE tools; ANALYZE tool_versions");
        var tools = new List<Guid>();
        await using var c = data.CreateCommand("SELECT id FROM tools ORDER BY slug");
        await using var r = await c.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            tools.Add(r.GetGuid(0));
        }
        return tools;
    }

    /// <summary>
    /// Prints, per statement, the indexes its plan uses and its execution time in PostgreSQL; returns the sum of the tool's
    /// statements and the overview's time (the server's share, without the round trip and the load on the client side).
    /// </summary>
    private static async Task<(double Tool, double Overview)> ExplainAsync(NpgsqlDataSource data, Guid tool, DateTimeOffset since, string label)
    {
        Console.WriteLine($"  EXPLAIN ANALYZE (median of 5), {label}:");
        var (toolMs, overviewMs) = (0.0, 0.0);
        var statements = InsightsQueries.ToolStatements.Select((sql, i) => ($"tool statement {i + 1}", sql)).Append(("overview", InsightsQueries.OverviewStatement));
        foreach (var (name, sql) in statements)
        {
            // Five executions, the median's plan and time: one execution on a shared machine can be off by ten times.
            var runs = new List<(double Ms, List<string> Plan)>();
            for (var i = 0; i < 5; i++)
            {
                await using var c = data.CreateCommand("EXPLAIN (ANALYZE, FORMAT TEXT) " + sql);
                InsightsQueries.AddParameters(c.Parameters, tool);
                c.Parameters.AddWithValue("since", since);
                var plan = new List<string>();
                await using (var r = await c.ExecuteReaderAsync())
                {
                    while (await r.ReadAsync())
                    {
                        plan.Add(r.GetString(0));
                    }
                }
                var time = plan.First(l => l.StartsWith("Execution Time", StringComparison.Ordinal));
                runs.Add((double.Parse(MilliSeconds().Match(time).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), plan));
            }
            var (ms, median) = runs.OrderBy(x => x.Ms).ElementAt(2);
            var scans = median.Select(l => ScanLine().Match(l)).Where(m => m.Success).Select(m => m.Value.Trim()).Distinct();
            Console.WriteLine($"    {name,-18} {ms,8:F3} ms  {string.Join("; ", scans)}");
            (toolMs, overviewMs) = name == "overview" ? (toolMs, ms) : (toolMs + ms, overviewMs);
        }
        return (toolMs, overviewMs);
    }

    private static async Task ExecAsync(NpgsqlDataSource data, string sql)
    {
        await using var c = data.CreateCommand(sql);
        c.CommandTimeout = 600;
        await c.ExecuteNonQueryAsync();
    }

    [GeneratedRegex(@"([0-9.]+) ms")]
    private static partial Regex MilliSeconds();

    [GeneratedRegex(@"(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan)( Backward)? (using \S+ )?on \S+")]
    private static partial Regex ScanLine();
}
