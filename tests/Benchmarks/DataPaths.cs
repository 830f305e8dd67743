using Npgsql;

namespace Skriptoteket.Benchmarks;

/// <summary>
/// Server time of the catalog and "Mina körningar" with 1,000 published tools and 100,000 runs in the database
/// (10,000 of them the benchmark user's), and tool state changes per second through the API.
/// </summary>
internal static class DataPaths
{
    public const int Tools = 1000;
    public const int Runs = 100_000;
    public const int OwnRuns = 10_000;

    /// <summary>Rows as the grains write them: published tools spread over the five professions, finished runs.</summary>
    public static async Task SeedAsync(PlatformPath platform, string anyVersionSource)
    {
        await using var data = platform.Database.CreateDataSource();
        await using var connection = await data.OpenConnectionAsync();
        await Exec(connection, """
            WITH t AS (
                SELECT gen_random_uuid() AS id, gen_random_uuid() AS version, i FROM generate_series(1, @tools) AS i)
            , tools_in AS (
                INSERT INTO tools (id, slug, title, summary, created_by)
                SELECT id, 'bench-' || i, 'Verktyg ' || i, 'Sammanfattning av verktyg ' || i, @user FROM t)
            , versions_in AS (
                INSERT INTO tool_versions (id, tool_id, number, state, source, content_sha256, created_by)
                SELECT version, id, 1, 'active', @source, repeat('0', 64), @user FROM t)
            INSERT INTO tool_professions (tool_id, profession_slug)
            SELECT id, (ARRAY['larare', 'specialpedagog', 'skoladministrator', 'rektor', 'gemensamt'])[1 + i % 5] FROM t
            """, platform, anyVersionSource);
        await Exec(connection, """
            UPDATE tools SET is_published = true, active_version_id = v.id
            FROM tool_versions v WHERE v.tool_id = tools.id AND tools.slug LIKE 'bench-%';
            INSERT INTO tool_categories (tool_id, category_slug)
            SELECT id, 'administration' FROM tools WHERE slug LIKE 'bench-%'
            """, platform, anyVersionSource);
        await Exec(connection, """
            WITH tools_bench AS (SELECT id, active_version_id, row_number() OVER () AS n FROM tools WHERE slug LIKE 'bench-%')
            INSERT INTO runs (id, kind, status, tool_id, version_id, requested_by, html, created_at, started_at, finished_at,
                              script_ms, container_ms, silo)
            SELECT gen_random_uuid(), 'production', 'succeeded', t.id, t.active_version_id,
                   CASE WHEN i <= @own THEN @user ELSE gen_random_uuid() END, '<p>ok</p>',
                   now() - make_interval(secs => i), now() - make_interval(secs => i), now() - make_interval(secs => i),
                   20, 200, 'bench'
            FROM generate_series(1, @runs) AS i JOIN tools_bench t ON t.n = 1 + i % @tools
            """, platform, anyVersionSource);
        await Exec(connection, "ANALYZE tools; ANALYZE runs; ANALYZE tool_professions", platform, anyVersionSource);
    }

    private static async Task Exec(NpgsqlConnection connection, string sql, PlatformPath platform, string source)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        command.Parameters.AddWithValue("tools", Tools);
        command.Parameters.AddWithValue("runs", Runs);
        command.Parameters.AddWithValue("own", OwnRuns);
        command.Parameters.AddWithValue("user", platform.UserId);
        command.Parameters.AddWithValue("source", source);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>GET one page or API answer to its last byte; fails on anything but 200.</summary>
    public static async Task GetAsync(PlatformPath platform, string path)
    {
        using var response = await platform.Http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
        }
    }

    /// <summary>Creates <paramref name="count"/> tools through the API (each a tool grain with state in PostgreSQL).</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Slug)>> CreateToolsAsync(PlatformPath platform, int count)
    {
        var tools = new List<(Guid, string)>();
        for (var i = 0; i < count; i++)
        {
            var slug = "overgang-" + Guid.NewGuid().ToString("N")[..12];
            var created = await platform.SendAsync(HttpMethod.Post, "api/v1/tools", Metadata(slug, 0));
            tools.Add((created.GetProperty("id").GetGuid(), slug));
        }
        return tools;
    }

    /// <summary>One state change of a tool: its metadata saved (grain state write + query rows), as an admin does.</summary>
    public static Task ChangeAsync(PlatformPath platform, Guid toolId, string slug, int n) =>
        platform.SendAsync(HttpMethod.Put, $"api/v1/tools/{toolId}", Metadata(slug, n));

    public static object Metadata(string slug, int n) => new
    {
        slug,
        title = $"Övergångstest {n}",
        summary = "Mäter tillståndsändringar",
        usageMarkdown = "",
        professions = new[] { "larare" },
        categories = new[] { "ovrigt" },
    };
}
