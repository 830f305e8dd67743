using Microsoft.Extensions.Localization;
using Skriptoteket.Web.Localization;

namespace Skriptoteket.Web.Tools;

/// <summary>What a name of the helper module is: a function, a class (raised or returned), or a value.</summary>
public enum HelperKind
{
    Function,
    Class,
    Value,
}

/// <summary>One public name of the helper module with its Python signature ("(text, level='info')"; empty for a value).</summary>
public sealed record HelperMember(string Name, HelperKind Kind, string Signature)
{
    /// <summary>The resource key of its one-line explanation (StudioHelpStrings).</summary>
    public string DocKey => $"Help.Api.{Name}";

    /// <summary>How it is written in a script, e.g. <c>st.notice(text, level='info')</c>.</summary>
    public string Usage => $"st.{Name}{Signature}";
}

/// <summary>
/// The public names of the runner image's helper module `skriptoteket` (runner-image/lib/skriptoteket, its
/// <c>__all__</c>) with their signatures as Python's <c>inspect.signature</c> writes them. The studio's help
/// panel and the editor's completions and hovers are made from this one list; a test compares it with the
/// module itself (HelperModuleTests), so a new or changed function cannot be missed here.
/// </summary>
public static class HelperModule
{
    public static IReadOnlyList<HelperMember> Members { get; } =
    [
        new("fields", HelperKind.Value, ""),
        new("field", HelperKind.Function, "(name, default=None)"),
        new("input_files", HelperKind.Function, "()"),
        new("InputFile", HelperKind.Class, "(name, path, size)"),
        new("output_dir", HelperKind.Value, ""),
        new("notice", HelperKind.Function, "(text, level='info')"),
        new("markdown", HelperKind.Function, "(text)"),
        new("table", HelperKind.Function, "(columns, rows=None, title='')"),
        new("image", HelperKind.Function, "(path, alt='')"),
        new("html", HelperKind.Function, "(text)"),
        new("ToolUserError", HelperKind.Class, "(message)"),
        new("current_step", HelperKind.Value, ""),
        new("settings", HelperKind.Value, ""),
        new("state", HelperKind.Value, ""),
        new("step", HelperKind.Function, "(name, label, fields, values=None)"),
        new("steps_total", HelperKind.Value, ""),
        new("keep", HelperKind.Function, "(path)"),
        new("session_files", HelperKind.Function, "()"),
        new("pdf", HelperKind.Function, "(html, name)"),
    ];

    /// <summary>What the editor's completions and hovers get (studio.js registerHelper), explained in the page's language.</summary>
    public static IReadOnlyList<object> Completions(IStringLocalizer<StudioHelpStrings> help) =>
        [.. Members.Select(m => new { name = m.Name, kind = m.Kind.ToString().ToLowerInvariant(), usage = m.Usage, doc = help[m.DocKey].Value })];
}
