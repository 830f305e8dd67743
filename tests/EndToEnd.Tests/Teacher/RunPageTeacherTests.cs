using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Skriptoteket.EndToEnd.Tests.Teacher;

/// <summary>The run page as a teacher meets it: what the tool is and accepts, Run only with a file, downloads by keyboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RunPageTeacherTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Run_page_explains_the_tool_and_refuses_Run_until_an_allowed_file_is_chosen()
    {
        var (slug, title) = await TeacherTool.PublishAsync(fixture.Database);
        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture);

        await BrowserSteps.GotoInteractiveAsync(page, $"/tools/{slug}/run");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Assertions.Expect(page.GetByTestId("tool-summary")).ToHaveTextAsync("Räknar raderna i en CSV-fil.");
        await Assertions.Expect(page.GetByTestId("tool-usage")).ToContainTextAsync("Exportera klasslistan som CSV");
        await Assertions.Expect(page.GetByTestId("run-accepts")).ToContainTextAsync("csv, xlsx, docx, pdf, md, txt, py");
        await Assertions.Expect(page.GetByTestId("run-accepts")).ToContainTextAsync("Högst 25 MB per fil");
        var run = page.GetByTestId("run-button");
        await Assertions.Expect(run).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByTestId("run-disabled-reason")).ToHaveTextAsync("Välj en fil först.");

        await BrowserSteps.WaitForFileInputAsync(page);
        var files = page.GetByTestId("run-files");
        await files.SetInputFilesAsync(new FilePayload { Name = "program.exe", MimeType = "application/octet-stream", Buffer = [1, 2, 3] });
        await Assertions.Expect(page.GetByTestId("run-file-problem")).ToContainTextAsync("Filtypen för \"program.exe\" stöds inte");
        await Assertions.Expect(run).ToBeDisabledAsync();
        // The refused file does not look chosen: nothing is listed under the drop zone.
        await Assertions.Expect(page.GetByTestId("run-chosen")).ToHaveCountAsync(0);

        await files.SetInputFilesAsync(new FilePayload { Name = "elever.csv", MimeType = "text/csv", Buffer = "namn\nAda\nBo"u8.ToArray() });
        await Assertions.Expect(page.GetByTestId("run-chosen")).ToContainTextAsync("elever.csv");
        await Assertions.Expect(page.GetByTestId("run-file-problem")).ToHaveCountAsync(0);
        await Assertions.Expect(run).ToBeEnabledAsync();
        await run.ClickAsync();

        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Klar", new() { Timeout = 60_000 });
        await Assertions.Expect(page.FrameLocator("iframe.run-result").Locator("#svar")).ToHaveTextAsync("3 rader");
        await Assertions.Expect(page.GetByTestId("run-duration")).ToContainTextAsync(new Regex(@"Tog \d+,\d s"));

        // The download is an ordinary link: Tab reaches it and Enter saves the file.
        var link = page.GetByTestId("run-downloads").GetByRole(AriaRole.Link);
        await link.FocusAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
        Assert.Equal("Resultat.csv", download.SuggestedFilename);
        Assert.Equal("antal\n3", await File.ReadAllTextAsync(await download.PathAsync()));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task My_runs_and_run_details_name_the_tool_and_version_and_open_the_run()
    {
        var (slug, title) = await TeacherTool.PublishAsync(fixture.Database);
        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture);
        await BrowserSteps.RunWithCsvAsync(page, slug);

        await BrowserSteps.GotoInteractiveAsync(page, "/my-runs");
        var row = page.GetByTestId("run-list").Locator("tr", new() { HasText = title }).First;
        await Assertions.Expect(row).ToContainTextAsync("v1");
        await Assertions.Expect(row).ToContainTextAsync("Klar");
        await row.GetByRole(AriaRole.Link).ClickAsync();

        await page.WaitForURLAsync(new Regex("/runs/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByTestId("run-details-title")).ToHaveTextAsync($"{title} (v1)");
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Klar");
        await Assertions.Expect(page.FrameLocator("iframe.run-result").Locator("#svar")).ToHaveTextAsync("3 rader");

        await BrowserSteps.GotoInteractiveAsync(page, "/admin/runs");
        await page.GetByLabel("Beställare (namn eller e-post)").FillAsync("rektor");
        await page.GetByTestId("filter-apply").ClickAsync();
        var adminRow = page.GetByTestId("run-list").Locator("tr", new() { HasText = title }).First;
        await Assertions.Expect(adminRow.GetByTestId("run-requester")).Not.ToBeEmptyAsync();
        await Assertions.Expect(adminRow).ToContainTextAsync("Verktyg");
        await page.Context.CloseAsync();
    }
}
