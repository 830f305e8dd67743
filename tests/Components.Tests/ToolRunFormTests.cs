using Bunit;
using Microsoft.AspNetCore.Components.Forms;
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

    private IRenderedComponent<ToolRunForm> Render(PublishedTool? tool, bool starting = false) =>
        Context.Render<ToolRunForm>(p => p
            .Add(f => f.Tool, tool)
            .Add(f => f.Limits, Limits)
            .Add(f => f.Starting, starting)
            .Add(f => f.OnRun, (RunFormInput input) => started = input.Files));

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
    }
}
