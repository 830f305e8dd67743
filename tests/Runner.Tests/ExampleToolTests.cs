using System.Text.Json;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Execution;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Runner.Tests;

/// <summary>
/// The three example tools shipped in examples/tools run in the real image with their own worked example (its
/// files and field values from tool.json) and give the blocks and files they promise.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed class ExampleToolTests(RunnerFixture fixture)
{
    [Theory]
    [InlineData("betygsstatistik", new[] { OutputBlockKind.Markdown, OutputBlockKind.Table, OutputBlockKind.Image }, "Betygsstatistik.xlsx")]
    [InlineData("gruppindelning", new[] { OutputBlockKind.Notice, OutputBlockKind.Markdown, OutputBlockKind.Table }, null)]
    [InlineData("klassdelning", new[] { OutputBlockKind.Notice, OutputBlockKind.Table, OutputBlockKind.Step }, null)]
    [InlineData("ordraknare", new[] { OutputBlockKind.Notice, OutputBlockKind.Table, OutputBlockKind.Image }, "vanligaste_orden.png")]
    public async Task Example_tool_runs_its_worked_example(string slug, OutputBlockKind[] kinds, string? file)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "examples", "tools", slug);
        using var tool = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "tool.json")));
        var example = tool.RootElement.GetProperty("examples")[0];
        var inputs = example.GetProperty("files").EnumerateArray()
            .Select(f => new RunnerInput(f.GetString()!, File.ReadAllBytes(Path.Combine(folder, f.GetString()!)))).ToArray();
        var runId = Guid.NewGuid();

        var outcome = await fixture.Runner.RunAsync(new RunnerJob(runId, await File.ReadAllTextAsync(Path.Combine(folder, "script.py")),
            "run_tool", inputs, 30, example.GetProperty("fields").GetRawText()), RunnerFixture.Silo, CancellationToken.None);

        var output = outcome.Completion.Output;
        Assert.True(outcome.Completion.Status == RunStatus.Succeeded, $"{output.ErrorSummary} {output.ErrorDetail} {output.Stderr}");
        Assert.Equal(kinds, output.Blocks.Select(b => b.Kind));
        Assert.All(output.Blocks, b => Assert.False(b.Truncated));
        if (file is not null)
        {
            Assert.Contains(output.Artifacts, a => a.Name == file);
        }
        Assert.Empty(await fixture.ContainersOfRunAsync(runId));
    }

    [Fact]
    public async Task The_grade_statistics_example_counts_what_its_name_promises()
    {
        // Issue 18: "Två klasser, tre ämnen" said "8 betyg i 2 ämnen"; its CSV had only two subjects.
        var folder = Path.Combine(RepositoryPaths.Root, "examples", "tools", "betygsstatistik");
        using var tool = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "tool.json")));
        var example = tool.RootElement.GetProperty("examples")[0];
        Assert.Equal("Två klasser, tre ämnen", example.GetProperty("name").GetString());
        var file = example.GetProperty("files")[0].GetString()!;

        var outcome = await fixture.Runner.RunAsync(new RunnerJob(Guid.NewGuid(), await File.ReadAllTextAsync(Path.Combine(folder, "script.py")),
            "run_tool", [new RunnerInput(file, File.ReadAllBytes(Path.Combine(folder, file)))], 30, example.GetProperty("fields").GetRawText()),
            RunnerFixture.Silo, CancellationToken.None);

        var heading = outcome.Completion.Output.Blocks.First(b => b.Kind == OutputBlockKind.Markdown).Text;
        Assert.Contains("12 betyg i 3 ämnen.", heading);
        var table = outcome.Completion.Output.Blocks.First(b => b.Kind == OutputBlockKind.Table);
        Assert.Equal(3, table.Rows.Count);
    }

    [Fact]
    public async Task Group_split_refuses_a_group_size_as_large_as_the_class_in_words_for_the_teacher()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "examples", "tools", "gruppindelning");
        var outcome = await fixture.Runner.RunAsync(new RunnerJob(Guid.NewGuid(), await File.ReadAllTextAsync(Path.Combine(folder, "script.py")),
            "run_tool", [new RunnerInput("klass.csv", "namn\nAda\nBo\n"u8.ToArray())], 30, """{"gruppstorlek": 5}"""),
            RunnerFixture.Silo, CancellationToken.None);

        Assert.Equal(RunStatus.Failed, outcome.Completion.Status);
        Assert.Equal("Gruppstorleken 5 är lika stor som klassen (2 elever). Välj en mindre.", outcome.Completion.Output.ErrorSummary);
    }

    [Fact]
    public async Task The_class_split_takes_its_three_steps_with_the_teachers_settings_and_keeps_chosen_pupils_apart()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "examples", "tools", "klassdelning");
        var source = await File.ReadAllTextAsync(Path.Combine(folder, "script.py"));
        const string settings = """{"standardstorlek": 3, "gruppnamn": "Lag A, B, C"}""";
        async Task<RunOutput> RunAsync(string? step, string values, string state, params RunnerInput[] inputs)
        {
            var outcome = await fixture.Runner.RunAsync(new RunnerJob(Guid.NewGuid(), source, "run_tool", inputs, 30, values)
            {
                SettingsJson = settings, CurrentStep = step, StateJson = state,
            }, RunnerFixture.Silo, CancellationToken.None);
            var output = outcome.Completion.Output;
            Assert.True(outcome.Completion.Status == RunStatus.Succeeded, $"{step}: {output.ErrorSummary} {output.ErrorDetail} {output.Stderr}");
            return output;
        }

        var list = new RunnerInput("klass.csv", File.ReadAllBytes(Path.Combine(folder, "exempel-klasslista.csv")));
        var first = await RunAsync(null, "{}", "{}", list);
        var dela = Assert.Single(first.NextSteps);
        Assert.Equal("dela", dela.Name);
        Assert.Equal("3", dela.Fields.Single(f => f.Name == "storlek").Default); // the teacher's usual size
        Assert.Equal(11, dela.Fields.Single(f => f.Name == "isar").Choices.Count);
        Assert.Equal(3, first.StepsTotal);

        var apart = new[] { "Ada Lind", "Bo Ek", "Ceylan Aydın" };
        var split = await RunAsync("dela", JsonSerializer.Serialize(new { storlek = 3, isar = apart, fro = 1 }), first.SessionStateJson!);
        var groups = split.Blocks.Single(b => b.Kind == OutputBlockKind.Table).Rows
            .GroupBy(r => r[0].Text, r => r[1].Text).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(["Lag A", "Lag B", "Lag C", "Lag D"], groups.Keys.Order());
        Assert.All(groups.Values, g => Assert.True(g.Count(apart.Contains) <= 1, string.Join(", ", g)));
        Assert.Equal(["gor_om", "dela", "skriv_ut"], split.NextSteps.Select(s => s.Name));

        var again = await RunAsync("gor_om", "{}", split.SessionStateJson!);
        Assert.NotEqual(split.SessionStateJson, again.SessionStateJson); // a new seed, the same choices

        var printed = await RunAsync("skriv_ut", """{"rubrik": "Åk 7 – grupper"}""", again.SessionStateJson!);
        Assert.Contains(printed.Artifacts, a => a.Name == "grupper.pdf");
        Assert.Empty(printed.NextSteps);
    }
}
