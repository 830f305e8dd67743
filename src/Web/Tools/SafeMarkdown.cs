using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;

namespace Skriptoteket.Web.Tools;

/// <summary>
/// Markdown as HTML that is safe to put into the page: usage instructions and markdown output blocks.
/// Markdig (CommonMark, pipe tables) with raw HTML disabled renders it; HtmlSanitizer then keeps only an allowlist
/// of text tags, so even a Markdig bug or a crafted link cannot bring script, styles, frames, forms or loads
/// (no images: a result must not fetch anything). Headings start at h3: they sit below the page's own headings.
/// </summary>
public static class SafeMarkdown
{
    private const int HeadingOffset = 2;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToHtml(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + HeadingOffset);
        }
        return Sanitizer.Sanitize(document.ToHtml(Pipeline));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "del", "code", "pre",
                "blockquote", "table", "thead", "tbody", "tr", "th", "td", "a",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "align", "start" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "https", "http", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
        });
        // Links leave the application: a new tab, no referrer, no opener.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "noopener noreferrer nofollow");
                link.SetAttribute("target", "_blank");
            }
        };
        return sanitizer;
    }
}
