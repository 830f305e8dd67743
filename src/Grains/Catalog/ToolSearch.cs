using Npgsql;

namespace Skriptoteket.Grains.Catalog;

/// <summary>
/// The one search rule for tools (home and the admin list): a column contains the query, ignoring case and
/// å/ä/ö/é on both sides through the database's search_fold (migration 0671), so "franvaro" finds "Frånvaro".
/// </summary>
internal static class ToolSearch
{
    /// <summary>SQL that is true when any of the columns contains the query in parameter @q.</summary>
    public static string AnyContains(params string[] columns) =>
        "(" + string.Join(" OR ", columns.Select(c => $"search_fold({c}) LIKE '%' || search_fold(@q) || '%'")) + ")";

    /// <summary>Adds @q, with LIKE's wildcards taken literally (a "%" in the query matches a "%").</summary>
    public static void AddQuery(NpgsqlCommand command, string query) =>
        command.Parameters.AddWithValue("q", query.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_"));
}
