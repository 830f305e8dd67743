using System.Text;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Execution;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Runner.Tests;

/// <summary>An ordinary school tool with real pandas/openpyxl: a CSV of grades → HTML summary + an xlsx to download.</summary>
[Collection(RunnerCollection.Name)]
public sealed class SchoolToolTests(RunnerFixture fixture)
{
    [Fact]
    public async Task Grades_csv_becomes_an_html_summary_and_an_excel_file()
    {
        var sample = Path.Combine(RepositoryPaths.Root, "runner-image", "samples", "csv_to_xlsx");
        var source = await File.ReadAllTextAsync(Path.Combine(sample, "script.py"));
        var csv = await File.ReadAllBytesAsync(Path.Combine(sample, "input", "elever.csv"));

        var outcome = await fixture.RunAsync(source, 30, CancellationToken.None, new RunnerInput("elever.csv", csv));

        Assert.Equal(RunStatus.Succeeded, outcome.Completion.Status);
        Assert.Contains("<table", outcome.Completion.Output.Html);
        Assert.Contains("Matematik", outcome.Completion.Output.Html);
        Assert.Contains("8 rader lästa", outcome.Completion.Output.Stdout);
        var xlsx = Assert.Single(outcome.Files);
        Assert.Equal("Sammanstallning.xlsx", xlsx.Name);
        Assert.Equal("PK", Encoding.ASCII.GetString(xlsx.Content, 0, 2));
    }
}
