using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Web.Components.Runs;

namespace Skriptoteket.Web.Tests;

/// <summary>The run view's output blocks: each kind rendered safely, downloads and cuts named, the error detail only when present.</summary>
public sealed class OutputBlocksViewTests : IAsyncLifetime
{
    private readonly BunitContext context = new();

    public OutputBlocksViewTests()
    {
        context.Services.AddMudServices();
        context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("sv-SE");
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("sv");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    private static RunInfo Run(RunStatus status, RunOutput output) =>
        new(Guid.NewGuid(), RunKind.Production, status, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, output,
            [], DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, null);

    [Fact]
    public void Every_kind_is_rendered_and_nothing_of_the_script_runs_in_the_page()
    {
        var output = RunOutput.None with
        {
            Artifacts = [new RunArtifact(0, "diagram.png", 10, "ab")],
            Blocks =
            [
                new OutputBlock(OutputBlockKind.Notice, "Tre elever <b>saknar</b> betyg", false) { Level = NoticeLevel.Warning },
                new OutputBlock(OutputBlockKind.Markdown, "**fet** <script>alert(1)</script>", false),
                new OutputBlock(OutputBlockKind.Table, "", true)
                {
                    Title = "Poäng", Columns = ["Namn", "Poäng"], RowsTotal = 5000,
                    Rows = [[new TableCell("Ada"), new TableCell("12.5", 12.5)]],
                },
                new OutputBlock(OutputBlockKind.Image, "Ett diagram", false) { Artifact = "diagram.png" },
                new OutputBlock(OutputBlockKind.Html, "<p>ram</p><script>alert(2)</script>", false),
            ],
            BlocksTruncated = true,
        };
        var run = Run(RunStatus.Succeeded, output);

        var view = context.Render<RunView>(p => p.Add(v => v.Run, run));

        Assert.Equal("Tre elever <b>saknar</b> betyg", view.Find("[data-testid=output-notice]").TextContent.Trim());
        Assert.Contains("<strong>fet</strong>", view.Find("[data-testid=output-markdown]").InnerHtml);
        Assert.Empty(view.FindAll("script"));
        Assert.Equal("12,5", view.Find("[data-testid=output-table] td.output-number").TextContent.Trim());
        Assert.Equal($"/api/v1/tool-runs/{run.RunId}/tables/2/xlsx", view.Find("[data-testid=table-xlsx]").GetAttribute("href"));
        Assert.Contains("Visar 1 av 5000 rader.", view.Find("[data-testid=table-truncated]").TextContent);
        Assert.Equal($"/api/v1/tool-runs/{run.RunId}/images/0", view.Find("[data-testid=output-image]").GetAttribute("src"));
        Assert.Equal("Ett diagram", view.Find("[data-testid=output-image]").GetAttribute("alt"));
        Assert.Equal("", view.Find("[data-testid=output-html]").GetAttribute("sandbox"));
        Assert.NotNull(view.Find("[data-testid=blocks-truncated]"));
    }

    [Fact]
    public void The_error_detail_shows_only_when_the_run_carries_it()
    {
        var failed = RunOutput.Message("Verktyget stötte på ett oväntat fel. Ge referensen 1a2b3c4d till den som ansvarar för verktyget.");

        var teacher = context.Render<RunView>(p => p.Add(v => v.Run, Run(RunStatus.Failed, failed)));
        var author = context.Render<RunView>(p => p.Add(v => v.Run, Run(RunStatus.Failed, failed with { ErrorDetail = "KeyError: 'x'" })));

        Assert.Empty(teacher.FindAll("[data-testid=run-error-detail]"));
        Assert.Contains("1a2b3c4d", teacher.Find("[data-testid=run-error]").TextContent);
        Assert.Contains("KeyError: 'x'", author.Find("[data-testid=run-error-detail]").TextContent);
    }
}
