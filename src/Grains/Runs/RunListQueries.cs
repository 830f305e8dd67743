using Npgsql;
using NpgsqlTypes;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Validation;

namespace Skriptoteket.Grains.Runs;

/// <summary>
/// Paged run lists for "Mina körningar" and the admin overview: the runs table joined with the tool's
/// title, the version's number and the requester's name. Indexed by requester (with the kind), tool, status and
/// time (0300_runs.sql, 0550_run_list_indexes.sql, 0650_example_check_runs.sql); never loads outputs.
/// </summary>
internal sealed class RunListQueries(NpgsqlDataSource db)
{
    /// <summary>
    /// A page of runs, newest first. <paramref name="onlyRequestedBy"/> set ("Mina körningar"): that user's runs
    /// without example checks, which belong to the example's check (docs/adr/0012-worked-examples.md).
    /// </summary>
    public async Task<RunPage> PageAsync(RunFilter filter, Guid? onlyRequestedBy)
    {
        var page = Math.Max(1, filter.Page);
        var size = Math.Clamp(filter.PageSize, 1, TextLimits.MaxPageSize);
        // Two statements, one round trip: the count reads the runs index alone, and only the page's rows are
        // joined with titles and names. A window count over the joined rows joined every matching run (10,000 of
        // one teacher's) for each page (docs/performance.md).
        await using var batch = db.CreateBatch();
        var count = new NpgsqlBatchCommand($"SELECT count(*) FROM runs r WHERE {Where}");
        var rows = new NpgsqlBatchCommand($"""
            SELECT {Columns}, {SessionStep}
            FROM (SELECT * FROM runs r WHERE {Where} ORDER BY r.created_at DESC, r.id LIMIT @limit OFFSET @offset) r
            LEFT JOIN tools t ON t.id = r.tool_id
            LEFT JOIN tool_versions v ON v.id = r.version_id
            LEFT JOIN users u ON u.id = r.requested_by
            ORDER BY r.created_at DESC, r.id
            """);
        AddFilter(count.Parameters, filter, onlyRequestedBy);
        AddFilter(rows.Parameters, filter, onlyRequestedBy);
        rows.Parameters.AddWithValue("limit", size);
        rows.Parameters.AddWithValue("offset", (page - 1) * size);
        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(rows);
        await using var r = await batch.ExecuteReaderAsync();
        await r.ReadAsync();
        var total = r.GetInt64(0);
        await r.NextResultAsync();
        var items = new List<RunRow>();
        while (await r.ReadAsync())
        {
            items.Add(Read(r) with { SessionStep = r.IsDBNull(12) ? null : (int)r.GetInt64(12) });
        }
        return new RunPage(items, page, size, total);
    }

    /// <summary>
    /// Which step of its tool session a run of the page was (1: the run that opened it), so the list shows a
    /// session's runs as one group (docs/adr/0016-tool-sessions.md): the person's runs of the same session key since
    /// the latest opening run up to this one. Evaluated for the page's rows only.
    /// </summary>
    private const string SessionStep = """
        CASE WHEN r.session_key IS NULL THEN NULL ELSE (
            SELECT count(*) FROM runs s
            WHERE s.requested_by = r.requested_by AND s.session_key = r.session_key AND s.created_at <= r.created_at
              AND s.created_at >= (SELECT max(o.created_at) FROM runs o WHERE o.requested_by = r.requested_by
                                   AND o.session_key = r.session_key AND o.step_name IS NULL AND o.created_at <= r.created_at))
        END
        """;

    /// <summary>The filter on runs alone (the requester's name through an indexed lookup of the user).</summary>
    private const string Where = """
        (@by::uuid IS NULL OR r.requested_by = @by)
          AND (@tool::uuid IS NULL OR r.tool_id = @tool)
          AND (@status::text IS NULL OR r.status = @status)
          AND (@kind::text IS NULL OR r.kind = @kind)
          AND (@by::uuid IS NULL OR r.kind <> 'example_check')
          AND (@from::timestamptz IS NULL OR r.created_at >= @from)
          AND (@to::timestamptz IS NULL OR r.created_at < @to)
          AND (@requester::text IS NULL OR EXISTS (SELECT 1 FROM users u WHERE u.id = r.requested_by
                                                  AND (u.display_name ILIKE @requester OR u.email ILIKE @requester)))
        """;

    private static void AddFilter(NpgsqlParameterCollection p, RunFilter filter, Guid? onlyRequestedBy)
    {
        p.AddWithValue("by", NpgsqlDbType.Uuid, (object?)onlyRequestedBy ?? DBNull.Value);
        p.AddWithValue("tool", NpgsqlDbType.Uuid, (object?)filter.ToolId ?? DBNull.Value);
        p.AddWithValue("status", NpgsqlDbType.Text, filter.Status is { } s ? RunText.Status(s) : DBNull.Value);
        p.AddWithValue("kind", NpgsqlDbType.Text, filter.Kind is { } k ? RunText.Kind(k) : DBNull.Value);
        p.AddWithValue("from", NpgsqlDbType.TimestampTz, (object?)filter.From?.ToUniversalTime() ?? DBNull.Value);
        p.AddWithValue("to", NpgsqlDbType.TimestampTz, (object?)filter.To?.ToUniversalTime() ?? DBNull.Value);
        p.AddWithValue("requester", NpgsqlDbType.Text, Like(filter.Requester) is { } like ? like : DBNull.Value);
    }

    /// <summary>One run's line with what its page shows besides: the tool's slug, the version's declaration, the example's name.</summary>
    public async Task<RunRow?> FindAsync(Guid runId)
    {
        await using var c = db.CreateCommand($"""
            SELECT {Columns}, t.slug, v.inputs::text, e.name
            FROM runs r
            LEFT JOIN tools t ON t.id = r.tool_id
            LEFT JOIN tool_versions v ON v.id = r.version_id
            LEFT JOIN users u ON u.id = r.requested_by
            LEFT JOIN tool_examples e ON e.id = r.example_id
            WHERE r.id = @id
            """);
        c.Parameters.AddWithValue("id", runId);
        await using var r = await c.ExecuteReaderAsync();
        return await r.ReadAsync()
            ? Read(r) with
            {
                ToolSlug = r.IsDBNull(12) ? null : r.GetString(12),
                VersionInputsJson = r.IsDBNull(13) ? null : r.GetString(13),
                ExampleName = r.IsDBNull(14) ? null : r.GetString(14),
            }
            : null;
    }

    private const string Columns = """
        r.id, r.kind, r.status, r.tool_id, coalesce(t.title, ''), r.version_id, v.number, r.requested_by,
        coalesce(u.display_name, ''), r.created_at, r.started_at, r.finished_at
        """;

    private static RunRow Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), RunText.ParseKind(r.GetString(1)), RunText.ParseStatus(r.GetString(2)), r.GetGuid(3),
        r.GetString(4), r.GetGuid(5), r.IsDBNull(6) ? null : r.GetInt32(6), r.GetGuid(7), r.GetString(8),
        r.GetFieldValue<DateTimeOffset>(9), r.IsDBNull(10) ? null : r.GetFieldValue<DateTimeOffset>(10),
        r.IsDBNull(11) ? null : r.GetFieldValue<DateTimeOffset>(11));

    private static string? Like(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? null
            : "%" + value.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
