using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Sessions;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Web.Components.Studio;
using Skriptoteket.Web.Runs;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Studio.Tests;

/// <summary>
/// The sandbox's files: the run page's Swedish picker, and Run waits (with the run page's reason) until the file
/// the version reads is chosen; without that the script ran and failed with IsADirectoryError.
/// </summary>
public sealed class SandboxPanelTests : StudioTestContext
{
    private IReadOnlyList<RunInputFile>? sent;

    public SandboxPanelTests()
    {
        // Never reached: the run target below is the test's own, and nothing is followed live.
        Context.Services.AddSingleton(new RunService(null!, null!, null!, Microsoft.Extensions.Logging.Abstractions.NullLogger<RunService>.Instance));
        Context.Services.AddSingleton(Options.Create(new UploadLimits()));
        Context.Services.AddSingleton(new SessionService(null!, null!));
    }

    private IRenderedComponent<SandboxPanel> Render(ToolInputs? inputs, RunInfo? finished = null) => Context.Render<SandboxPanel>(p => p
        .Add(s => s.Enabled, true)
        .Add(s => s.Inputs, inputs)
        .Add(s => s.Limits, new SandboxLimits(60, 512L * 1024 * 1024, 1_000_000_000, 25L * 1024 * 1024))
        .Add(s => s.ReadEditor, () => Task.FromResult(new EditorSnapshot("", "run_tool")))
        .Add(s => s.RunEditor, (files, _, _) =>
        {
            sent = files;
            return finished is null
                ? Task.FromException<RunInfo>(DomainException.Invalid("Stoppad av testet.", "Test.Stopped"))
                : Task.FromResult(finished);
        }));

    [Fact]
    public void A_sandbox_run_that_offers_a_step_shows_the_run_pages_step_form_with_the_step_number_and_start_over()
    {
        var step = new NextStep("storlek", "Välj gruppstorlek", [new InputField("storlek", FieldKind.Integer, "Gruppstorlek", Required: true)]);
        var output = RunOutput.None with { Blocks = [new OutputBlock(OutputBlockKind.Step, step.Label, false) { Step = step }], StepsTotal = 3 };
        var now = DateTimeOffset.UtcNow;
        var run = new RunInfo(Guid.NewGuid(), RunKind.Sandbox, RunStatus.Succeeded, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null,
            output, [], now, now, now, null) { FromEditor = true };
        var panel = Render(new ToolInputs([], new FileInputs(0, 0)), run);
        Assert.Empty(panel.FindAll("[data-testid=session-steps]"));

        panel.Find("[data-testid=sandbox-run]").Click();

        panel.WaitForAssertion(() => Assert.Equal("Steg 2 av 3", panel.Find("[data-testid=session-step-number]").TextContent.Trim()));
        Assert.Equal("storlek", panel.Find("[data-testid=session-step]").GetAttribute("data-step"));
        Assert.Equal("Börja om", panel.Find("[data-testid=session-start-over]").TextContent.Trim());
    }

    [Fact]
    public async Task An_examples_first_run_offers_no_step_form_the_check_takes_its_steps()
    {
        var step = new NextStep("storlek", "Välj gruppstorlek", [new InputField("storlek", FieldKind.Integer, "Gruppstorlek", Required: true)]);
        var output = RunOutput.None with { Blocks = [new OutputBlock(OutputBlockKind.Step, step.Label, false) { Step = step }], StepsTotal = 3 };
        var now = DateTimeOffset.UtcNow;
        var run = new RunInfo(Guid.NewGuid(), RunKind.ExampleCheck, RunStatus.Succeeded, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null,
            output, [], now, now, now, null);
        var panel = Render(new ToolInputs([], new FileInputs(0, 0)));

        await panel.InvokeAsync(() => panel.Instance.ShowRunAsync(run));

        // A step form here would act on the check's session, which has moved on: it said "the session has ended".
        panel.WaitForAssertion(() => Assert.Contains("Kontrollen tar exemplets följande steg själv",
            panel.Find("[data-testid=sandbox-check-steps]").TextContent));
        Assert.Empty(panel.FindAll("[data-testid=session-steps]"));
        Assert.Empty(panel.FindAll("[data-testid=session-start-over]"));
    }

    [Fact]
    public void A_version_that_reads_a_file_is_not_run_until_one_is_chosen_in_the_run_pages_picker()
    {
        var panel = Render(null);

        Assert.True(panel.Find("[data-testid=sandbox-run]").HasAttribute("disabled"));
        Assert.Equal("Välj en fil först.", panel.Find("[data-testid=sandbox-run-reason]").TextContent.Trim());
        Assert.Equal("Dra filen hit eller tryck här för att välja", panel.Find("[data-testid=sandbox-drop-zone] label").TextContent.Trim());
        Assert.Contains("drop-zone__input", panel.Find("#sandbox-files").ClassList);

        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("namn\nAda", "elever.csv"));

        Assert.Equal("elever.csv (8 B)", panel.Find("[data-testid=sandbox-chosen]").TextContent.Trim());
        Assert.Empty(panel.FindAll("[data-testid=sandbox-run-reason]"));
        panel.Find("[data-testid=sandbox-run]").Click();
        panel.WaitForAssertion(() => Assert.Equal("elever.csv", Assert.Single(sent ?? []).FileName));
    }

    [Fact]
    public void A_refused_file_is_named_and_a_version_without_files_runs_without_a_picker()
    {
        var panel = Render(new ToolInputs([], new FileInputs(1, 1, [".csv"])));
        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("text", "anteckning.txt"));

        Assert.Contains("bara filer av typen csv", panel.Find("[data-testid=sandbox-file-problem]").TextContent);
        Assert.True(panel.Find("[data-testid=sandbox-run]").HasAttribute("disabled"));

        var noFiles = Render(new ToolInputs([], new FileInputs(0, 0)));
        Assert.Empty(noFiles.FindAll("#sandbox-files"));
        Assert.False(noFiles.Find("[data-testid=sandbox-run]").HasAttribute("disabled"));
    }
}
