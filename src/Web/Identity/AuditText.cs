using System.Text.Json;
using Microsoft.Extensions.Localization;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Web.Localization;

namespace Skriptoteket.Web.Identity;

/// <summary>
/// The audit log in words a school's superuser reads: each stored action code gets a sentence in the page's
/// language (the code stays beside it, for searching and support), and the stored JSON details become
/// "name: value" pairs.
/// </summary>
public static class AuditText
{
    /// <summary>Every action the product writes, for the viewer's filter (identity, tools, suggestions, runs).</summary>
    public static IReadOnlyList<string> Actions { get; } =
    [
        .. AuditActions.All,
        "tool.created", "tool.metadata_updated", "tool.published", "tool.depublished", "tool.rolled_back",
        "tool.version.draft_created", "tool.version.saved", "tool.version.submitted", "tool.version.changes_requested",
        "tool.version.published",
        "tool.example.added", "tool.example.renamed", "tool.example.deleted", "tool.example.expected_set",
        "tool.maintainer_added", "tool.maintainer_removed",
        "suggestion.submitted", "suggestion.accept", "suggestion.modify", "suggestion.deny",
        "run.started", "run.canceled", "runs.retention_sweep",
    ];

    /// <summary>The action in words; an action without a text (a newer version's) shows its code.</summary>
    public static string Describe(IStringLocalizer<Strings> l, string action)
    {
        var text = l["AuditAction." + action];
        return text.ResourceNotFound ? action : text.Value;
    }

    /// <summary>A stored detail key (snake_case) in words; a key without a text (a newer version's) shows as stored.</summary>
    public static string DetailName(IStringLocalizer<Strings> l, string key)
    {
        var text = l["AuditDetail." + key];
        return text.ResourceNotFound ? key : text.Value;
    }

    /// <summary>Detail keys whose values are codes (a kind, a state, a role, yes/no), read in words; other values are as written.</summary>
    private static readonly HashSet<string> CodedKeys = ["kind", "state", "role", "from", "to", "via", "from_editor", "reason"];

    /// <summary>
    /// A stored detail value in words: a code of a coded key (e.g. kind "sandbox" → "Testkörning", true → "ja"),
    /// a list as its items joined ("–" when empty); anything else, and a code without a text, as stored.
    /// </summary>
    public static string DetailValue(IStringLocalizer<Strings> l, string key, string value)
    {
        if (CodedKeys.Contains(key))
        {
            var text = l["AuditValue." + value];
            return text.ResourceNotFound ? value : text.Value;
        }
        if (value.StartsWith('['))
        {
            try
            {
                var items = JsonSerializer.Deserialize<string[]>(value);
                return items is null or { Length: 0 } ? "–" : string.Join(", ", items);
            }
            catch (JsonException)
            {
                // A list of something else than text: shown as stored.
            }
        }
        return value;
    }

    /// <summary>
    /// An id the page resolved, in words and where it leads: a tool's title (its admin page), a user's name and
    /// e-mail, "v3 av Verktyg" (the tool's versions), "Körning av Verktyg" (the run), "Nominering av Namn (e-post)" or
    /// "Exemplet Namn". Null: not
    /// an id, or one that names nothing any more (then the id itself is shown).
    /// </summary>
    public static (string Text, string? Href)? Readable(IStringLocalizer<Strings> l, IReadOnlyDictionary<Guid, AuditName> names, string? value)
    {
        if (!Guid.TryParse(value, out var id) || !names.TryGetValue(id, out var name))
        {
            return null;
        }
        return name.Kind switch
        {
            AuditNameKind.Tool => (name.Label, $"/admin/tools/{id}"),
            AuditNameKind.User => (l["Audit.UserNamed", name.Label, name.Secondary ?? ""], null),
            AuditNameKind.Version => (l["Audit.VersionOf", name.Secondary ?? "", name.Label], $"/admin/tools/{name.ToolId}/versions"),
            AuditNameKind.Run => (l["Audit.RunOf", name.Label], $"/runs/{id}"),
            AuditNameKind.Nomination => (l["Audit.NominationOf", name.Label, name.Secondary ?? ""], null),
            _ => (l["Audit.ExampleNamed", name.Label], null),
        };
    }

    /// <summary>The stored details as name/value pairs (nested values as compact JSON); none when empty or unreadable.</summary>
    public static IReadOnlyList<(string Name, string Value)> Details(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [("", document.RootElement.GetRawText())];
            }
            return [.. document.RootElement.EnumerateObject()
                .Where(p => p.Value.ValueKind != JsonValueKind.Null)
                .Select(p => (p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()))];
        }
        catch (JsonException)
        {
            // Stored by an older version in another shape: shown as it is rather than hidden.
            return [("", json)];
        }
    }
}
