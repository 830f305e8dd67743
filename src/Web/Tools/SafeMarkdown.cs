using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Skriptoteket.Web.Tools;

/// <summary>
/// Usage instructions as HTML: a small Markdown subset (headings, paragraphs, lists, bold, italic, code).
/// Safe by construction: every character of the input is HTML-encoded before the few tags are added,
/// so no markup, script or link from the text ever reaches the page.
/// </summary>
public static partial class SafeMarkdown
{
    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![\*\w])\*(?!\s)(.+?)(?<!\s)\*(?![\*\w])")]
    private static partial Regex Italic();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"^(#{1,3})\s+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*(?:[-*]|\d+\.)\s+(.*)$")]
    private static partial Regex ListItem();

    public static string ToHtml(string? markdown)
    {
        var html = new StringBuilder();
        var paragraph = new List<string>();
        var inList = false;
        foreach (var raw in (markdown ?? "").Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            var item = ListItem().Match(line);
            var heading = Heading().Match(line);
            if (line.Length == 0 || item.Success || heading.Success)
            {
                Flush();
            }
            if (!item.Success && inList)
            {
                html.Append("</ul>");
                inList = false;
            }
            if (item.Success)
            {
                html.Append(inList ? "" : "<ul>").Append("<li>").Append(Inline(item.Groups[1].Value)).Append("</li>");
                inList = true;
            }
            else if (heading.Success)
            {
                var level = heading.Groups[1].Value.Length + 2;
                html.Append($"<h{level}>").Append(Inline(heading.Groups[2].Value)).Append($"</h{level}>");
            }
            else if (line.Length > 0)
            {
                paragraph.Add(line.Trim());
            }
        }
        Flush();
        if (inList)
        {
            html.Append("</ul>");
        }
        return html.ToString();

        void Flush()
        {
            if (paragraph.Count > 0)
            {
                html.Append("<p>").Append(string.Join("<br />", paragraph.Select(Inline))).Append("</p>");
                paragraph.Clear();
            }
        }
    }

    private static string Inline(string text)
    {
        var encoded = WebUtility.HtmlEncode(text);
        encoded = Code().Replace(encoded, "<code>$1</code>");
        encoded = Bold().Replace(encoded, "<strong>$1</strong>");
        return Italic().Replace(encoded, "<em>$1</em>");
    }
}
