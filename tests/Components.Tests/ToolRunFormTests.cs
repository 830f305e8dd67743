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

    // The page's answer to Run: at once, unless a test holds it back to look at the form in between.
    private Task answer = Task.CompletedTask;

    private IRenderedComponent<ToolRunForm> Render(PublishedTool? tool, bool starting = false) =>
        Context.Render<ToolRunForm>(p => p
            .Add(f => f.Tool, tool)
            .Add(f => f.Limits, Limits)
            .Add(f => f.Starting, starting)
            .Add(f => f.OnRun, (RunFormInput input) =>
            {
                started = input.Files;
                starts++;
                return answer;
            }));

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
    public void Starting_disables_Run_and_the_file_input_while_the_upload_is_on_its_way()
    {
        Speak("sv");
        var form = Render(Tool, starting: true);

        Assert.True(form.Find("[data-testid=run-button]").HasAttribute("disabled"));
        Assert.True(form.Find("[data-testid=run-files]").HasAttribute("disabled"));
        Assert.NotEmpty(form.FindAll("[data-testid=run-button] .mud-progress-circular"));
        Assert.Equal("Startar…", form.Find("[data-testid=run-button]").TextContent.Trim());
    }

    [Fact]
    public void Run_is_disabled_from_the_click_until_the_start_has_answered_and_then_runs_again()
    {
        Speak("sv");
        var pending = new TaskCompletionSource();
        answer = pending.Task;
        var form = Render(Tool);
        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("namn\nAda", "elever.csv"));

        form.Find("[data-testid=run-button]").Click();

        // The page has not rendered its own "starting" yet: the form holds Run back by itself.
        var run = form.Find("[data-testid=run-button]");
        Assert.True(run.HasAttribute("disabled"));
        Assert.Equal("Startar…", run.TextContent.Trim());
        pending.SetResult();
        form.WaitForAssertion(() => Assert.False(form.Find("[data-testid=run-button]").HasAttribute("disabled")));
        Assert.Equal("Kör", form.Find("[data-testid=run-button]").TextContent.Trim());

        // The run was accepted: another click is another run (another file, or the same again).
        form.Find("[data-testid=run-button]").Click();
        Assert.Equal(2, starts);
    }

    [Fact]
    public void The_second_click_of_a_double_click_starts_no_second_run()
    {
        Speak("sv");
        var form = Render(Tool);
        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("namn\nAda", "elever.csv"));

        // The start answered at once, so Run is enabled again when the double click's second click arrives.
        form.Find("[data-testid=run-button]").Click(new MouseEventArgs { Detail = 1 });
        form.Find("[data-testid=run-button]").Click(new MouseEventArgs { Detail = 2 });

        Assert.Equal(1, starts);
    }
}
