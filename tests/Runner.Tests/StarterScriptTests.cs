using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Execution;
using Skriptoteket.Grains.Tools;

namespace Skriptoteket.Runner.Tests;

/// <summary>
/// The starter script of a new tool's first draft runs green in the real image: a CSV becomes a notice and a
/// table through the helper module, and a file it cannot read is answered with a ToolUserError for the teacher.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed class StarterScriptTests(RunnerFixture fixture)
{
    private async Task<RunOutput> RunAsync(string name, byte[] content, string fieldsJson = "{}")
    {
        var runId = Guid.NewGuid();
        var outcome = await fixture.Runner.RunAsync(new RunnerJob(runId, StarterScript.Source, StarterScript.Entrypoint,
            [new RunnerInput(name, content)], 20, fieldsJson), RunnerFixture.Silo, CancellationToken.None);
        Assert.Empty(await fixture.ContainersOfRunAsync(runId));
        return outcome.Completion.Output;
    }

    [Fact]
    public async Task A_semicolon_csv_becomes_a_notice_and_a_table_titled_by_the_file()
    {
        var output = await RunAsync("elever.csv", "Namn;Klass\nÅsa <b>;7A\nOla;7B\n"u8.ToArray());

        Assert.True(output.ErrorSummary is null, $"{output.ErrorSummary} {output.ErrorDetail} {output.Stderr}");
        Assert.Equal([OutputBlockKind.Notice, OutputBlockKind.Table], output.Blocks.Select(b => b.Kind));
        Assert.Equal("2 rader i elever.csv.", output.Blocks[0].Text);
        var table = output.Blocks[1];
        Assert.Equal("elever.csv", table.Title);
        Assert.Equal(["Namn", "Klass"], table.Columns);
        Assert.Equal(["Åsa <b>", "7A"], table.Rows[0].Select(c => c.Text));
    }

    [Fact]
    public async Task A_field_named_rubrik_titles_the_table()
    {
        var output = await RunAsync("elever.csv", "Namn\nAda\n"u8.ToArray(), """{"rubrik": "Klass 7A"}""");

        Assert.Equal("Klass 7A", output.Blocks[1].Title);
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_text_is_refused_in_words_for_the_teacher()
    {
        var output = await RunAsync("bild.csv", [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);

        Assert.Equal("bild.csv är inte en textfil i UTF-8. Spara den som CSV (UTF-8) och försök igen.", output.ErrorSummary);
        Assert.Null(output.ErrorDetail);
    }
}
