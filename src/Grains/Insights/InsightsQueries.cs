using Npgsql;
using NpgsqlTypes;
using Skriptoteket.Grains.Abstractions.Insights;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Insights;

/// <summary>
/// Tool insights from the runs table (docs/execution.md, "Insights"): production runs only, so teachers' use is what
/// is counted; sandbox runs and example checks are counted apart. Plain aggregates on the indexes of
/// 0710_run_insights_indexes.sql; weeks begin on Monday, Swedish time. Never reads who ran a run or its files.
/// </summary>
internal sealed class InsightsQueries(NpgsqlDataSource db)
{
    /// <summary>Why a finished run did not succeed, from its status and the platform's fixed sentences (PlatformFailureText).</summary>
    private const string Kind = """
        CASE
            WHEN r.status = 'timed_out' THEN 'time_limit'
            WHEN r.status = 'canceled' THEN 'canceled'
            WHEN r.status = 'interrupted' THEN 'interrupted'
            WHEN r.oom_killed OR r.error_summary IN (@oom, @memory) THEN 'memory_limit'
            WHEN r.error_summary = @internal THEN 'platform_error'
            WHEN r.error_summary IS NULL OR starts_with(r.error_summary, @unexpected) THEN 'script_error'
            ELSE 'user_error'
        END
        """;

    private const string Finished = "r.status NOT IN ('queued', 'running')";

    // Durations of the runs that ran to their end; a timed-out run would only show the limit.
    private const string Duration = "extract(epoch FROM r.finished_at - r.started_at) * 1000";
    private const string Ran = "r.status IN ('succeeded', 'failed') AND r.started_at IS NOT NULL AND r.finished_at IS NOT NULL";

    private const string Production = "r.tool_id = @tool AND r.kind = 'production'";

    /// <summary>The statements of one tool's insights, in the order ForToolAsync reads them (the benchmark explains them).</summary>
    internal static IReadOnlyList<string> ToolStatements { get; } =
    [
        "SELECT title, (date_trunc('week', now() AT TIME ZONE 'Europe/Stockholm'))::date FROM tools WHERE id = @tool",
        $"""
            SELECT f.version_id, v.number, f.runs, f.finished, f.succeeded, f.failed, f.timed_out, f.median, f.p95
            FROM (SELECT r.version_id, count(*) AS runs,
                         count(*) FILTER (WHERE {Finished}) AS finished,
                         count(*) FILTER (WHERE r.status = 'succeeded') AS succeeded,
                         count(*) FILTER (WHERE r.status = 'failed') AS failed,
                         count(*) FILTER (WHERE r.status = 'timed_out') AS timed_out,
                         percentile_cont(0.5) WITHIN GROUP (ORDER BY {Duration}) FILTER (WHERE {Ran}) AS median,
                         percentile_cont(0.95) WITHIN GROUP (ORDER BY {Duration}) FILTER (WHERE {Ran}) AS p95
                  FROM runs r WHERE {Production}
                  GROUP BY GROUPING SETS ((r.version_id), ())) f
            LEFT JOIN tool_versions v ON v.id = f.version_id
            ORDER BY f.version_id IS NOT NULL, v.number DESC NULLS LAST, f.version_id
            """,
        $"""
            SELECT r.version_id, {Kind} AS failure, count(*)
            FROM runs r WHERE {Production} AND r.status <> 'succeeded' AND {Finished}
            GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2
            """,
        $"""
            SELECT version_id, message, truncated, n FROM (
                SELECT r.version_id, left(r.error_summary, @chars) AS message, bool_or(length(r.error_summary) > @chars) AS truncated,
                       count(*) AS n,
                       row_number() OVER (PARTITION BY r.version_id ORDER BY count(*) DESC, left(r.error_summary, @chars)) AS place
                FROM runs r
                WHERE {Production} AND r.status <> 'succeeded' AND r.status = 'failed' AND {Kind} = 'user_error'
                GROUP BY r.version_id, left(r.error_summary, @chars)) m
            WHERE place <= @top ORDER BY version_id, n DESC, message
            """,
        $"""
            SELECT (date_trunc('week', r.created_at AT TIME ZONE 'Europe/Stockholm'))::date AS week, count(*),
                   count(*) FILTER (WHERE r.status = 'failed'), count(*) FILTER (WHERE r.status = 'timed_out')
            FROM runs r
            WHERE {Production}
              AND r.created_at >= (date_trunc('week', now() AT TIME ZONE 'Europe/Stockholm') - make_interval(weeks => @weeks - 1))
                                  AT TIME ZONE 'Europe/Stockholm'
            GROUP BY 1 ORDER BY 1
            """,
        "SELECT count(*) FROM runs r WHERE r.tool_id = @tool AND r.kind <> 'production'",
    ];

    /// <summary>Every tool with its production runs since @since, most used first.</summary>
    internal const string OverviewStatement = $"""
        SELECT t.id, t.title, t.slug, t.is_published,
               coalesce(s.runs, 0), coalesce(s.finished, 0), coalesce(s.failed, 0), coalesce(s.timed_out, 0)
        FROM tools t
        LEFT JOIN (SELECT r.tool_id, count(*) AS runs,
                          count(*) FILTER (WHERE {Finished}) AS finished,
                          count(*) FILTER (WHERE r.status = 'failed') AS failed,
                          count(*) FILTER (WHERE r.status = 'timed_out') AS timed_out
                   FROM runs r WHERE r.kind = 'production' AND r.created_at >= @since
                   GROUP BY r.tool_id) s ON s.tool_id = t.id
        ORDER BY coalesce(s.runs, 0) DESC, t.title, t.id
        """;

    public async Task<ToolInsights?> ForToolAsync(Guid toolId)
    {
        await using var batch = db.CreateBatch();
        foreach (var sql in ToolStatements)
        {
            var command = new NpgsqlBatchCommand(sql);
            AddParameters(command.Parameters, toolId);
            batch.BatchCommands.Add(command);
        }
        await using var r = await batch.ExecuteReaderAsync();
        if (!await r.ReadAsync())
        {
            return null;
        }
        var title = r.GetString(0);
        var thisWeek = DateOnly.FromDateTime(r.GetDateTime(1));

        await r.NextResultAsync();
        var figures = new List<(Guid? Version, int? Number, RunFigures Figures)>();
        while (await r.ReadAsync())
        {
            figures.Add((r.IsDBNull(0) ? null : r.GetGuid(0), r.IsDBNull(1) ? null : r.GetInt32(1), new RunFigures(
                r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6),
                r.IsDBNull(7) ? null : r.GetDouble(7), r.IsDBNull(8) ? null : r.GetDouble(8))));
        }

        await r.NextResultAsync();
        var failures = new List<(Guid Version, FailureCount Count)>();
        while (await r.ReadAsync())
        {
            failures.Add((r.GetGuid(0), new FailureCount(ParseKind(r.GetString(1)), r.GetInt64(2))));
        }

        await r.NextResultAsync();
        var messages = new List<(Guid Version, MessageCount Message)>();
        while (await r.ReadAsync())
        {
            messages.Add((r.GetGuid(0), new MessageCount(r.GetString(1), r.GetBoolean(2), r.GetInt64(3))));
        }

        await r.NextResultAsync();
        var weeks = new Dictionary<DateOnly, WeekRuns>();
        while (await r.ReadAsync())
        {
            var week = DateOnly.FromDateTime(r.GetDateTime(0));
            weeks[week] = new WeekRuns(week, r.GetInt64(1), r.GetInt64(2), r.GetInt64(3));
        }

        await r.NextResultAsync();
        await r.ReadAsync();
        var testRuns = r.GetInt64(0);

        // The grouping set () is the tool's total; without any run there is still that one row of zeros.
        var total = figures.FirstOrDefault(f => f.Version is null).Figures ?? new RunFigures(0, 0, 0, 0, 0, null, null);
        var versions = figures.Where(f => f.Version is not null).Select(f => new VersionInsights(
            f.Version!.Value, f.Number, f.Figures,
            [.. failures.Where(x => x.Version == f.Version).Select(x => x.Count)],
            [.. messages.Where(x => x.Version == f.Version).Select(x => x.Message)])).ToList();
        var allWeeks = Enumerable.Range(0, InsightsLimits.Weeks)
            .Select(i => thisWeek.AddDays(-7 * (InsightsLimits.Weeks - 1 - i)))
            .Select(w => weeks.GetValueOrDefault(w) ?? new WeekRuns(w, 0, 0, 0))
            .ToList();
        return new ToolInsights(toolId, title, total, versions, allWeeks, testRuns);
    }

    public async Task<InsightsOverview> OverviewAsync(DateTimeOffset since)
    {
        await using var c = db.CreateCommand(OverviewStatement);
        c.Parameters.AddWithValue("since", NpgsqlDbType.TimestampTz, since.ToUniversalTime());
        await using var r = await c.ExecuteReaderAsync();
        var tools = new List<ToolUsage>();
        while (await r.ReadAsync())
        {
            tools.Add(new ToolUsage(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetBoolean(3),
                r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7)));
        }
        return new InsightsOverview(since, tools);
    }

    /// <summary>The parameters every statement of <see cref="ToolStatements"/> may use.</summary>
    internal static void AddParameters(NpgsqlParameterCollection p, Guid toolId)
    {
        p.AddWithValue("tool", toolId);
        p.AddWithValue("oom", PlatformFailureText.OutOfMemory);
        p.AddWithValue("memory", PlatformFailureText.MemoryError);
        p.AddWithValue("internal", PlatformFailureText.InternalError);
        p.AddWithValue("unexpected", PlatformFailureText.UnexpectedPrefix);
        p.AddWithValue("chars", InsightsLimits.MessageChars);
        p.AddWithValue("top", InsightsLimits.TopMessages);
        p.AddWithValue("weeks", InsightsLimits.Weeks);
    }

    private static FailureKind ParseKind(string kind) => kind switch
    {
        "time_limit" => FailureKind.TimeLimit,
        "canceled" => FailureKind.Canceled,
        "interrupted" => FailureKind.Interrupted,
        "memory_limit" => FailureKind.MemoryLimit,
        "platform_error" => FailureKind.PlatformError,
        "script_error" => FailureKind.ScriptError,
        _ => FailureKind.UserError,
    };
}
