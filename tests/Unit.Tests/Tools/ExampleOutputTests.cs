using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Tools.Examples;

namespace Skriptoteket.Unit.Tests.Tools;

/// <summary>How a run's result becomes comparable text for worked examples, and the diff of two (ADR 0012).</summary>
public sealed class ExampleOutputTests
{
    private static readonly RunArtifact Report = new(0, "rapport.xlsx", 5120, "ab12");

    [Fact]
    public void Blocks_become_one_line_per_notice_row_and_markdown_line_and_artifacts_follow_by_name()
    {
        var output = RunOutput.None with
        {
            Stdout = "loggar skiljer sig mellan körningar",
            Artifacts = [Report, new RunArtifact(1, "diagram.png", 10, "cd34")],
            Blocks =
            [
                new OutputBlock(OutputBlockKind.Notice, "3 elever\nlästa", false) { Level = NoticeLevel.Warning },
                new OutputBlock(OutputBlockKind.Table, "", false) { Title = "Poäng", Columns = ["Namn", "Poäng"], Rows = [[new("Bo"), new("10", 10)]], RowsTotal = 2 },
                new OutputBlock(OutputBlockKind.Markdown, "# Rubrik\n\n- en", false),
                new OutputBlock(OutputBlockKind.Image, "Diagram", false) { Artifact = "diagram.png" },
            ],
        };

        Assert.Equal(
            """
            [meddelande warning] 3 elever lästa
            [tabell Poäng] Namn | Poäng
              Bo | 10
              … 2 rader totalt
            [markdown]
              # Rubrik
              - en
            [bild] diagram.png Diagram
            [fil] diagram.png (10 byte, sha256 cd34)
            [fil] rapport.xlsx (5120 byte, sha256 ab12)
            """.ReplaceLineEndings("\n"), ExampleOutput.Normalize(output));
    }

    [Fact]
    public void An_html_result_is_one_line_per_tag_boundary_so_a_changed_cell_is_one_changed_line()
    {
        var before = ExampleOutput.Normalize(RunOutput.None with { Html = "<table><tr><td>Bo</td><td>7</td></tr></table>" });
        var after = ExampleOutput.Normalize(RunOutput.None with { Html = "<table>\r\n<tr><td>Bo</td> <td>8</td></tr></table>" });

        Assert.Equal(["  <table>", "  <tr>", "  <td>Bo</td>", "- <td>7</td>", "+ <td>8</td>", "  </tr>", "  </table>"], ExampleOutput.Diff(before, after));
        Assert.All(ExampleOutput.Diff(before, before), l => Assert.StartsWith("  ", l));
    }

    [Fact]
    public void A_huge_diff_is_cut_with_a_line_saying_how_much_is_left_out()
    {
        var expected = string.Join('\n', Enumerable.Range(0, 300).Select(i => $"a{i}"));
        var actual = string.Join('\n', Enumerable.Range(0, 300).Select(i => $"b{i}"));

        var diff = ExampleOutput.Diff(expected, actual);

        Assert.Equal(ExampleOutput.MaxDiffLines + 1, diff.Count);
        Assert.Equal("… 200 rader till", diff[^1]);
    }
}
