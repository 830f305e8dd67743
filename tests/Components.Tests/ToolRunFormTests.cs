using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Web.Components.Runs;

namespace Skriptoteket.Components.Tests;

/// <summary>The run form: loading, empty (Run disabled with its reason), a refused file, a good file, starting.</summary>
public sealed class ToolRunFormTests : ComponentContext
{
    private static readonly UploadLimits Limits = new();

    private static readonly PublishedTool Tool = new(Guid.NewGuid(), "radraknare", "Radräknare", "Räknar rader i en CSV-fil.",
        "Exportera listan som **CSV**.", Guid.NewGuid());

    private IReadOnlyList<IBrowserFile>? started;
    private int starts;

    // The page's guard of its starts (the run page hands the form its own).
    private readonly RunLaunch launch = new();

    // The page's answer to Run: a queued run at once, unless a test holds it back to look at the form in between.
    private Task<RunInfo> answer = Task.FromResult(RunStates.Of(RunStatus.Queued));

    // As the run page does: every start goes through the guard.
    private IRenderedComponent<ToolRunForm> Render(PublishedTool? tool) =>
        Context.Render<ToolRunForm>(p => p
            .Add(f => f.Tool, tool)
            .Add(f => f.Limits, Limits)
            .Add(f => f.Launch, launch)
            .Add(f => f.OnRun, (RunFormInput input) => launch.StartAsync(input.Click, _ =>
            {
                started = input.Files;
                starts++;
                return answer;
            })));

    [Fact]
    public void Loading_shows_a_busy_placeholder_and_no_controls()
    {
        Speak("sv");
        var form = Render(null);

        Assert.Equal("true", form.Find("[data-testid=run-loading]").GetAttribute("aria-busy"));
        Assert.Empty(form.FindAll("[data-testid=run-button]"));
    }

    [Fact]
    public void Empty_form_names_the_tool_and_its_limits_and_keeps_Run_disabled_with_the_reason()
    {
        Speak("sv");
        var form = Render(Tool);

        Assert.Equal("Radräknare", form.Find("h1").TextContent.Trim());
        Assert.Contains("<strong>CSV</strong>", form.Find("[data-testid=tool-usage]").InnerHtml);
        Assert.Equal("Filtyper: csv, xlsx, docx, pdf, md, txt, py. Högst 25 MB per fil, 50 MB och 10 filer per körning.",
            form.Find("[data-testid=run-accepts]").TextContent.Trim());
        Assert.True(form.Find("[data-testid=run-button]").HasAttribute("disabled"));
        Assert.Equal("Välj en fil först.", form.Find("[data-testid=run-disabled-reason]").TextContent.Trim());
        Assert.Equal("run-disabled-reason", form.Find("[data-testid=run-button]").GetAttribute("aria-describedby"));
    }

    [Fact]
    public void A_file_of_a_refused_type_or_size_is_named_and_Run_stays_disabled()
    {
        Speak("sv");
        var form = Render(Tool);

        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("MZ", "program.exe"));

        Assert.Contains("Filtypen för \"program.exe\" stöds inte", form.Find("[data-testid=run-file-problem]").TextContent);
        Assert.True(form.Find("[data-testid=run-button]").HasAttribute("disabled"));

        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("", "tom.csv"));
        Assert.Contains("Filen \"tom.csv\" är tom.", form.Find("[data-testid=run-file-problem]").TextContent);
        // A refused file does not look chosen.
        Assert.Empty(form.FindAll("[data-testid=run-chosen]"));
    }

    [Fact]
    public void A_refused_file_among_good_ones_is_named_left_out_and_not_sent()
    {
        Speak("sv");
        var form = Render(Tool);

        form.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromText("namn\nAda", "elever.csv"),
            InputFileContent.CreateFromText("MZ", "program.exe"),
            InputFileContent.CreateFromText("namn\nBo", "klass.txt"));

        Assert.Contains("Filtypen för \"program.exe\" stöds inte", form.Find("[data-testid=run-file-problem]").TextContent);
        var chosen = form.Find("[data-testid=run-chosen]").TextContent;
        Assert.Contains("elever.csv", chosen);
        Assert.Contains("klass.txt", chosen);
        Assert.DoesNotContain("program.exe", chosen);
        form.Find("[data-testid=run-button]").Click();
        Assert.Equal(["elever.csv", "klass.txt"], started!.Select(f => f.Name));
    }

    [Fact]
    public void Files_that_do_not_fit_one_run_together_are_all_left_out()
    {
        Speak("sv");
        var form = Render(Tool);

        form.FindComponent<InputFile>().UploadFiles([.. Enumerable.Range(1, 11).Select(i => InputFileContent.CreateFromText("namn", $"klass{i}.csv"))]);

        Assert.Equal("Högst 10 filer per körning.", form.Find("[data-testid=run-file-problem]").TextContent.Trim());
        Assert.Empty(form.FindAll("[data-testid=run-chosen]"));
        Assert.True(form.Find("[data-testid=run-button]").HasAttribute("disabled"));
    }

    [Fact]
    public void A_good_file_enables_Run_which_hands_the_files_to_the_page()
    {
        Speak("en");
        var form = Render(Tool);

        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("MZ", "program.exe"));
        Assert.Equal("The file type of \"program.exe\" is not supported. Allowed file types: csv, xlsx, docx, pdf, md, txt, py.",
            form.Find("[data-testid=run-file-problem]").TextContent.Trim());
        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("namn\nAda", "elever.csv"));
        Assert.Contains("elever.csv", form.Find("[data-testid=run-chosen]").TextContent);
        var run = form.Find("[data-testid=run-button]");
        Assert.False(run.HasAttribute("disabled"));
        Assert.Equal("Run", run.TextContent.Trim());
        run.Click();

        Assert.Equal(["elever.csv"], started!.Select(f => f.Name));
    }

    [Fact]
    public void Run_is_disabled_from_the_click_while_the_start_is_on_its_way_and_until_the_run_has_finished()
    {
        Speak("sv");
        var pending = new TaskCompletionSource<RunInfo>();
        answer = pending.Task;
        var form = Render(Tool);
        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("namn\nAda", "elever.csv"));

        form.Find("[data-testid=run-button]").Click(new MouseEventArgs { Detail = 1 });

        // Uploading and queueing: Run and the file input wait.
        var run = form.Find("[data-testid=run-button]");
        Assert.True(run.HasAttribute("disabled"));
        Assert.True(form.Find("[data-testid=run-files]").HasAttribute("disabled"));
        Assert.NotEmpty(form.FindAll("[data-testid=run-button] .mud-progress-circular"));
        Assert.Equal("Startar…", run.TextContent.Trim());

        // Accepted and running: Run stays disabled ("Körs…"); the files for a next run may already be chosen.
        var queued = RunStates.Of(RunStatus.Queued);
        pending.SetResult(queued);
        form.WaitForAssertion(() => Assert.Equal("Körs…", form.Find("[data-testid=run-button]").TextContent.Trim()));
        Assert.True(form.Find("[data-testid=run-button]").HasAttribute("disabled"));
        Assert.False(form.Find("[data-testid=run-files]").HasAttribute("disabled"));
        form.Find("[data-testid=run-button]").Click(new MouseEventArgs { Detail = 1 });
        Assert.Equal(1, starts);

        // Finished: the next click is the next run.
        launch.Saw(queued with { Status = RunStatus.Succeeded });
        form.Render();
        Assert.False(form.Find("[data-testid=run-button]").HasAttribute("disabled"));
        Assert.Equal("Kör", form.Find("[data-testid=run-button]").TextContent.Trim());
        answer = Task.FromResult(RunStates.Of(RunStatus.Queued));
        form.Find("[data-testid=run-button]").Click(new MouseEventArgs { Detail = 1 });
        Assert.Equal(2, starts);
    }

    [Fact]
    public void The_second_click_of_a_double_click_starts_no_second_run_even_when_the_first_run_has_already_finished()
    {
        Speak("sv");
        answer = Task.FromResult(RunStates.Of(RunStatus.Succeeded));
        var form = Render(Tool);
        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("namn\nAda", "elever.csv"));

        // The run finished before the double click's second click arrived, so Run is enabled again by then.
        form.Find("[data-testid=run-button]").Click(new MouseEventArgs { Detail = 1 });
        form.Find("[data-testid=run-button]").Click(new MouseEventArgs { Detail = 2 });

        Assert.Equal(1, starts);
    }
}
