using Skriptoteket.Web.Tools;

namespace Skriptoteket.Unit.Tests.Runs;

/// <summary>Markdown (usage instructions, markdown output blocks) through Markdig and HtmlSanitizer.</summary>
public sealed class SafeMarkdownTests
{
    [Fact]
    public void Common_markdown_is_rendered_with_headings_below_the_page()
    {
        var html = SafeMarkdown.ToHtml("# Rubrik\n\n**fet** och *kursiv* `kod`\n\n- ett\n- två\n\n| a | b |\n|---|---|\n| 1 | 2 |");

        Assert.Contains("<h3", html);
        Assert.Contains("<strong>fet</strong>", html);
        Assert.Contains("<em>kursiv</em>", html);
        Assert.Contains("<code>kod</code>", html);
        Assert.Contains("<li>två</li>", html);
        Assert.Contains("<td>1</td>", html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "<img")]
    [InlineData("[klick](javascript:alert(1))", "javascript:")]
    [InlineData("![bild](https://evil.example/track.png)", "<img")]
    [InlineData("<iframe src=https://evil.example></iframe>", "<iframe")]
    [InlineData("<a href=\"https://x\" onclick=\"alert(1)\">x</a>", "<a ")]
    public void Nothing_active_survives(string markdown, string forbidden)
    {
        Assert.DoesNotContain(forbidden, SafeMarkdown.ToHtml(markdown), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Links_open_apart_from_the_application()
    {
        var html = SafeMarkdown.ToHtml("[Skolverket](https://www.skolverket.se)");

        Assert.Contains("href=\"https://www.skolverket.se\"", html);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html);
        Assert.Contains("target=\"_blank\"", html);
    }
}
