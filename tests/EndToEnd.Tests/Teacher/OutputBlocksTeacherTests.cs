using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;
using Skriptoteket.EndToEnd.Tests.Tools;
using Skriptoteket.TestSupport;

namespace Skriptoteket.EndToEnd.Tests.Teacher;

/// <summary>
/// A teacher's run of a tool that returns output blocks: the notice, a table sorted by clicking its heading
/// (numbers in numeric order), the table downloaded as xlsx; a ToolUserError reads as written.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OutputBlocksTeacherTests(BrowserFixture fixture)
{
    private const string Script = """
        import skriptoteket as st
        def run_tool(input_path, output_dir):
            rows = [["Bo", 10], ["Åsa", 9], ["Ceylan", 100]]
            return [st.notice("3 elever lästa från " + st.input_files()[0].name, level="warning"),
                    st.table(["Namn", "Poäng"], rows, title="Poäng per elev")]
        """;

    [Fact]
    public async Task Teacher_sees_the_notice_sorts_the_table_and_downloads_it_as_xlsx()
    {
        var (_, _, slug) = await ToolRows.InsertAsync(fixture.Database, Script, Guid.NewGuid(), published: true);
        var page = await LoginAsNewTeacherAsync();

        await BrowserSteps.RunWithCsvAsync(page, slug);

        await Assertions.Expect(page.GetByTestId("output-notice")).ToHaveTextAsync("3 elever lästa från elever.csv");
        var table = page.GetByTestId("output-table");
        var firstColumn = table.Locator("tbody tr td:first-child");
        await Assertions.Expect(firstColumn).ToHaveTextAsync(["Bo", "Åsa", "Ceylan"]);
        await table.GetByText("Poäng", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(firstColumn).ToHaveTextAsync(["Åsa", "Bo", "Ceylan"]); // 9, 10, 100: numbers, not text
        await table.GetByText("Namn", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(firstColumn).ToHaveTextAsync(["Bo", "Ceylan", "Åsa"]); // Swedish order: Å after C

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("table-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"tabell-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        using (var doc = SpreadsheetDocument.Open(path, false))
        {
            var cells = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().Select(c => c.InnerText);
            Assert.Equal(["Namn", "Poäng", "Bo", "10", "Åsa", "9", "Ceylan", "100"], cells);
        }
        File.Delete(path);
        await Screenshots.SaveAsync(page, "run-output-blocks");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Teacher_sees_a_ToolUserError_as_written_without_any_error_detail()
    {
        const string failing = """
            import skriptoteket as st
            def run_tool(input_path, output_dir):
                raise st.ToolUserError("Filen ska börja med kolumnen Elev.")
            """;
        var (_, _, slug) = await ToolRows.InsertAsync(fixture.Database, failing, Guid.NewGuid(), published: true);
        var page = await LoginAsNewTeacherAsync();

        await BrowserSteps.RunWithCsvAsync(page, slug);

        await Assertions.Expect(page.GetByTestId("run-error")).ToHaveTextAsync("Filen ska börja med kolumnen Elev.");
        Assert.Equal(0, await page.GetByTestId("run-error-detail").CountAsync());
        await page.Context.CloseAsync();
    }

    private async Task<IPage> LoginAsNewTeacherAsync()
    {
        return await BrowserSteps.LoginAsNewAsync(fixture);
    }
}
