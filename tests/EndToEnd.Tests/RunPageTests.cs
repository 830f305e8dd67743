using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Skriptoteket.EndToEnd.Tests.Teacher;
using Skriptoteket.TestSupport;

namespace Skriptoteket.EndToEnd.Tests;

/// <summary>A teacher uploads a file on the tool's run page and sees the run go to done live, with a sandboxed result.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RunPageTests(BrowserFixture fixture)
{
    private const string Script = """
        import time
        def run_tool(input_path, output_dir):
            time.sleep(1)
            rows = open(input_path, encoding="utf-8").read().splitlines()
            with open(output_dir + "/Resultat.csv", "w") as f:
                f.write("antal\n" + str(len(rows)))
            return f"<h3 id='svar'>{len(rows)} elever</h3><script>document.title='pwned'</script>"
        """;

    [Fact]
    public async Task Run_page_shows_the_state_live_and_the_result_in_a_sandboxed_frame()
    {
        var (_, _, slug) = await ToolRows.InsertAsync(fixture.Database, Script, Guid.NewGuid(), published: true);
        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture);

        await OpenRunFormAsync(page, slug);
        await page.GetByTestId("run-files").SetInputFilesAsync(new FilePayload
        {
            Name = "elever.csv", MimeType = "text/csv", Buffer = "namn\nAda\nBo"u8.ToArray(),
        });
        await Assertions.Expect(page.GetByTestId("run-button")).ToBeEnabledAsync();
        await page.GetByTestId("run-button").ClickAsync();

        var status = page.GetByTestId("run-status");
        await Assertions.Expect(status).ToHaveTextAsync(new Regex("I kö|Körs"));
        await Assertions.Expect(status).ToHaveTextAsync("Klar", new() { Timeout = 30_000 });
        var frame = page.Locator("iframe.run-result");
        Assert.Equal("", await frame.GetAttributeAsync("sandbox"));
        await Assertions.Expect(page.FrameLocator("iframe.run-result").Locator("#svar")).ToHaveTextAsync("3 elever");
        Assert.NotEqual("pwned", await page.TitleAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Resultat.csv", Exact = false })).ToBeVisibleAsync();
        // Kept for the README and for looking at a failure: the page as the teacher saw it.
        await Screenshots.SaveAsync(page, "run-result");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Run_page_states_the_upload_contract_and_refuses_too_many_files_with_its_message()
    {
        var (_, _, slug) = await ToolRows.InsertAsync(fixture.Database, Script, Guid.NewGuid(), published: true);
        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture);

        await OpenRunFormAsync(page, slug);
        // Eleven files: one more than Uploads:MaxFiles. The page used to take at most 10 and fail on more.
        await page.GetByTestId("run-files").SetInputFilesAsync(Enumerable.Range(1, 11).Select(i => new FilePayload
        {
            Name = $"klass{i}.csv", MimeType = "text/csv", Buffer = "namn\nAda"u8.ToArray(),
        }));

        await Assertions.Expect(page.GetByText("Högst 10 filer per körning.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("högst 25 MB per fil, 50 MB och 10 filer per körning")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("run-button")).ToBeDisabledAsync();
        Assert.Equal(0, await page.GetByTestId("run-status").CountAsync()); // nothing was started
        await page.Context.CloseAsync();
    }

    /// <summary>The run page once its form is live: Run waits for a file (RunInputRules) and the input is enabled.</summary>
    private static async Task OpenRunFormAsync(IPage page, string slug)
    {
        await BrowserSteps.GotoInteractiveAsync(page, $"/tools/{slug}/run");
        await Assertions.Expect(page.GetByTestId("run-button")).ToBeDisabledAsync();
        await BrowserSteps.WaitForFileInputAsync(page);
    }
}
