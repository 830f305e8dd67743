using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Runner.Tests;

/// <summary>
/// Runner protocol v2 end to end through the real execution service and image: a v1 script still runs unchanged,
/// field values reach the script through the helper module, output blocks come back within their caps, and
/// failures are sorted into what a teacher may read and what only the author may.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed class OutputContractTests(RunnerFixture fixture)
{
    private async Task<RunnerOutcome> RunAsync(string source, string fieldsJson = "{}", params RunnerInput[] inputs)
    {
        var runId = Guid.NewGuid();
        var outcome = await fixture.Runner.RunAsync(new RunnerJob(runId, source, "run_tool", inputs, 20, fieldsJson),
            RunnerFixture.Silo, CancellationToken.None);
        Assert.Empty(await fixture.ContainersOfRunAsync(runId));
        return outcome;
    }

    [Fact]
    public async Task A_v1_script_returning_html_runs_unchanged()
    {
        var outcome = await RunAsync("""
            def run_tool(input_path, output_dir):
                with open(output_dir + "/a.txt", "w") as f:
                    f.write(open(input_path).read())
                return "<p>Hej</p>"
            """, "{}", new RunnerInput("elever.csv", "namn\nAda"u8.ToArray()));

        var output = outcome.Completion.Output;
        Assert.Equal(RunStatus.Succeeded, outcome.Completion.Status);
        Assert.Equal("<p>Hej</p>", output.Html);
        Assert.Empty(output.Blocks);
        Assert.Null(output.ErrorSummary);
        Assert.Equal("a.txt", Assert.Single(output.Artifacts).Name);
    }

    [Fact]
    public async Task Field_values_and_input_files_reach_the_script_through_the_helper_module()
    {
        var outcome = await RunAsync("""
            import skriptoteket as st
            def run_tool(input_path, output_dir):
                files = st.input_files()
                return [st.notice("%s|%r|%r|%s|%d" % (st.fields["klass"], st.field("grans"), st.field("saknas", "standard"),
                                                       files[0].name, files[0].bytes))]
            """, """{"klass": "7B", "grans": 3.5}""", new RunnerInput("Närvaro åk 7.csv", "abc"u8.ToArray()));

        Assert.Equal(RunStatus.Succeeded, outcome.Completion.Status);
        var notice = Assert.Single(outcome.Completion.Output.Blocks);
        Assert.Equal("7B|3.5|'standard'|Närvaro åk 7.csv|3", notice.Text);
    }

    [Fact]
    public async Task Every_block_kind_comes_back_with_an_image_pointing_at_its_artifact()
    {
        var outcome = await RunAsync("""
            import matplotlib.pyplot as plt
            import pandas as pd
            import skriptoteket as st
            def run_tool(input_path, output_dir):
                plt.bar(["a", "b"], [1, 2])
                plt.savefig(output_dir + "/diagram.png")
                frame = pd.DataFrame({"Namn": ["Åsa", "Bo"], "Poäng": [12, 9.5], "Klar": [True, False]})
                return [st.notice("Varning!", level="warning"), st.markdown("**fet**"), st.table(frame, title="Resultat"),
                        st.image("diagram.png", alt="Staplar"), st.image("saknas.png"), st.html("<i>x</i>")]
            """);

        var blocks = outcome.Completion.Output.Blocks;
        Assert.Equal(RunStatus.Succeeded, outcome.Completion.Status);
        Assert.Equal([OutputBlockKind.Notice, OutputBlockKind.Markdown, OutputBlockKind.Table, OutputBlockKind.Image,
            OutputBlockKind.Notice, OutputBlockKind.Html], blocks.Select(b => b.Kind));
        Assert.Equal(NoticeLevel.Warning, blocks[0].Level);
        Assert.Equal(["Namn", "Poäng", "Klar"], blocks[2].Columns);
        Assert.Equal("Resultat", blocks[2].Title);
        Assert.Equal(new TableCell("9.5", 9.5), blocks[2].Rows[1][1]);
        Assert.Equal("Ja", blocks[2].Rows[0][2].Text);
        Assert.Equal("diagram.png", blocks[3].Artifact);
        Assert.Equal("Staplar", blocks[3].Text);
        Assert.Contains(outcome.Files, f => f.Name == "diagram.png");
        Assert.Contains("saknas.png", blocks[4].Text);
        Assert.Equal("<i>x</i>", blocks[5].Text);
    }

    [Fact]
    public async Task ToolUserError_reaches_the_teacher_as_written_without_detail()
    {
        var outcome = await RunAsync("""
            import skriptoteket as st
            def run_tool(input_path, output_dir):
                raise st.ToolUserError("Filen saknar kolumnen Namn.\nVälj rätt fil.")
            """);

        Assert.Equal(RunStatus.Failed, outcome.Completion.Status);
        Assert.Equal("Filen saknar kolumnen Namn.\nVälj rätt fil.", outcome.Completion.Output.ErrorSummary);
        Assert.Null(outcome.Completion.Output.ErrorDetail);
    }

    [Theory]
    [InlineData("raise KeyError('hemlig kolumn')", "KeyError: 'hemlig kolumn'")]
    [InlineData("import sys; sys.exit(4)", "Skriptet avslutades med sys.exit(4).")]
    [InlineData("return 42", "run_tool ska returnera text (str) med HTML eller en lista med utdatablock, men returnerade int.")]
    [InlineData("return [{'kind': 'video'}]", "Ett utdatablock (nr 1) saknar en giltig typ")]
    public async Task Any_other_failure_gives_the_teacher_a_generic_message_with_a_reference_and_the_author_the_detail(
        string body, string detail)
    {
        var outcome = await RunAsync($"def run_tool(input_path, output_dir):\n    {body}\n");

        var output = outcome.Completion.Output;
        Assert.Equal(RunStatus.Failed, outcome.Completion.Status);
        Assert.StartsWith("Verktyget stötte på ett oväntat fel. Ge referensen ", output.ErrorSummary);
        Assert.Matches("referensen [0-9a-f]{8} ", output.ErrorSummary);
        Assert.DoesNotContain("hemlig", output.ErrorSummary);
        Assert.StartsWith(detail, output.ErrorDetail);
    }

    [Fact]
    public async Task Hostile_blocks_stay_within_every_cap()
    {
        var o = new ExecutionOptions();
        var outcome = await RunAsync("""
            import skriptoteket as st
            def run_tool(input_path, output_dir):
                wide = st.table(["k%d" % i for i in range(500)], [["x" * 100_000] * 500 for _ in range(3)], title="t" * 10_000)
                long_rows = st.table(["a"], [[i] for i in range(100_000)])
                return [wide, long_rows, st.notice("n" * 1_000_000), st.markdown("m" * 1_000_000),
                        st.html("h" * 400_000), st.html("i" * 400_000)] + [st.notice("fler")] * 10_000
            """);

        var output = outcome.Completion.Output;
        Assert.Equal(RunStatus.Succeeded, outcome.Completion.Status);
        Assert.True(output.BlocksTruncated);
        Assert.True(output.Blocks.Count <= o.BlockCountCap);
        Assert.True(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(output.Blocks).Length < 3 * o.BlocksBytesCap);
        var wide = output.Blocks[0];
        Assert.True(wide.Truncated);
        Assert.Equal(o.TableColumnsCap, wide.Columns.Count);
        Assert.Equal(o.TitleCharsCap, wide.Title.Length);
        Assert.All(wide.Rows.SelectMany(r => r), c => Assert.True(c.Text.Length <= o.CellCharsCap));
        var longRows = output.Blocks[1];
        Assert.Equal(o.TableRowsCap, longRows.Rows.Count);
        Assert.Equal(100_000, longRows.RowsTotal);
        Assert.Equal(o.NoticeCharsCap, output.Blocks[2].Text.Length);
        Assert.Equal(o.MarkdownCharsCap, output.Blocks[3].Text.Length);
        var html = output.Blocks.Where(b => b.Kind == OutputBlockKind.Html).Sum(b => System.Text.Encoding.UTF8.GetByteCount(b.Text));
        Assert.True(html <= o.HtmlCapBytes, $"html blocks take {html} bytes");
    }
}
