using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Skriptoteket.EndToEnd.Tests.Tools;
using Xunit.Abstractions;

namespace Skriptoteket.EndToEnd.Tests.Teacher;

/// <summary>
/// Issue 18: a reopened run shows what it was given (the files' names, the field values by their labels, the
/// example it tried), leads back to the tool and runs again with the same values; the files are chosen again.
/// Someone else does not see it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReopenedRunTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Script =
        "import skriptoteket as st\n\ndef run_tool(input_path, output_dir):\n" +
        "    return [st.notice(f\"{st.field('klass')} över {st.field('grans')}\")]\n";

    private static readonly object Inputs = new
    {
        fields = new object[]
        {
            new { name = "klass", kind = "short_text", label = "Klass", required = true },
            new { name = "grans", kind = "integer", label = "Gräns", min = "0", max = "100", @default = "10" },
        },
        files = new { minFiles = 1, maxFiles = 1, extensions = new[] { ".csv" } },
    };

    [Fact]
    public async Task A_reopened_run_shows_its_files_and_values_links_to_the_tool_and_runs_again_with_the_same_values()
    {
        await fixture.ShowingHostLogOnFailureAsync(output, WalkAsync);
    }

    private async Task WalkAsync()
    {
        var world = new WalkWorld(fixture);
        var (slug, title) = ($"grans-{world.Tag}", $"Gräns {world.Tag}");
        var other = await world.AccountAsync("user", "larare");
        using (var api = await world.SuperuserAsync())
        {
            var toolId = await api.CreateToolWithDraftAsync(slug, title, "Elever över en gräns.", Script, "Första", Inputs);
            var newest = (await api.GetAsync($"api/v1/tools/{toolId}/versions")).EnumerateArray()
                .OrderByDescending(v => v.GetProperty("number").GetInt32()).First().GetProperty("id").GetGuid();
            await api.PostAsync($"api/v1/tool-versions/{newest}/submit-review", new { reviewNote = "Klar" });
            await api.PostAsync($"api/v1/tool-versions/{newest}/publish");
            await api.PostAsync($"api/v1/tools/{toolId}/publish");
            await api.PostAsync($"api/v1/tools/{toolId}/examples", new
            {
                name = "Sjuan A",
                fields = new { klass = "7A", grans = 5 },
                files = new[] { new { name = "exempel.csv", contentBase64 = Convert.ToBase64String("namn\nAda"u8.ToArray()) } },
            });
        }
        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture);

        // The teacher's own run: a class typed, the threshold changed from its default, a file chosen.
        await BrowserSteps.GotoInteractiveAsync(page, $"/tools/{slug}/run");
        await page.Locator("#field-input-klass").FillAsync("8C");
        await page.Locator("#field-input-grans").FillAsync("42");
        await page.Locator("#field-input-grans").PressAsync("Tab");
        await BrowserSteps.ChooseCsvAsync(page);
        await page.GetByTestId("run-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("output-notice")).ToHaveTextAsync("8C över 42", new() { Timeout = 60_000 });

        // Reopened from "Mina körningar".
        await BrowserSteps.GotoInteractiveAsync(page, "/my-runs");
        await page.GetByTestId("run-list").Locator("tr", new() { HasText = title }).First.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync(new Regex("/runs/[0-9a-f-]{36}$"));
        var runUrl = page.Url;
        await Assertions.Expect(page.GetByTestId("run-input-files")).ToHaveTextAsync("elever.csv");
        await Assertions.Expect(page.Locator("[data-testid=run-field-value][data-field=klass]")).ToHaveTextAsync("8C");
        await Assertions.Expect(page.Locator("[data-testid=run-field-value][data-field=grans]")).ToHaveTextAsync("42");
        await Assertions.Expect(page.GetByTestId("run-inputs").Locator("dt")).ToHaveTextAsync(["Filer", "Klass", "Gräns"]);
        await Assertions.Expect(page.GetByTestId("run-example")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("run-tool-link")).ToHaveAttributeAsync("href", $"/tools/{slug}");
        await Assertions.Expect(page.GetByTestId("run-again-files")).ToHaveTextAsync("Filerna behöver väljas igen.");

        // Run again: the values are filled in, the file is to be chosen again (and Run waits for it).
        await page.GetByTestId("run-again").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/tools/{slug}/run\\?fran=[0-9a-f-]{{36}}$"));
        await BrowserSteps.WaitForFileInputAsync(page);
        await Assertions.Expect(page.Locator("#field-input-klass")).ToHaveValueAsync("8C");
        await Assertions.Expect(page.Locator("#field-input-grans")).ToHaveValueAsync("42");
        await Assertions.Expect(page.GetByTestId("run-values-note")).ToContainTextAsync("välj dem igen (elever.csv)");
        await Assertions.Expect(page.GetByTestId("run-button")).ToBeDisabledAsync();
        await BrowserSteps.ChooseCsvAsync(page);
        await page.GetByTestId("run-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("output-notice")).ToHaveTextAsync("8C över 42", new() { Timeout = 60_000 });

        // An example's run names the example and shows its values.
        await page.GetByTestId("try-example").ClickAsync();
        await Assertions.Expect(page.GetByTestId("output-notice")).ToHaveTextAsync("7A över 5", new() { Timeout = 60_000 });
        await BrowserSteps.GotoInteractiveAsync(page, "/my-runs");
        await page.GetByTestId("run-list").Locator("tr", new() { HasText = title }).First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByTestId("run-example")).ToHaveTextAsync("Exemplet \"Sjuan A\"");
        await Assertions.Expect(page.GetByTestId("run-input-files")).ToHaveTextAsync("exempel.csv");
        await Assertions.Expect(page.Locator("[data-testid=run-field-value][data-field=klass]")).ToHaveTextAsync("7A");
        await Assertions.Expect(page.Locator("[data-testid=run-field-value][data-field=grans]")).ToHaveTextAsync("5");
        await page.Context.CloseAsync();

        // Another teacher sees neither the run nor its values, and "run again" from its address fills in nothing.
        var stranger = await BrowserSteps.LoginAsync(fixture, other, WalkWorld.Password);
        await BrowserSteps.GotoInteractiveAsync(stranger, runUrl);
        await Assertions.Expect(stranger.GetByRole(AriaRole.Heading, new() { Name = "Körningen hittades inte" })).ToBeVisibleAsync();
        await Assertions.Expect(stranger.GetByTestId("run-inputs")).ToHaveCountAsync(0);
        await BrowserSteps.GotoInteractiveAsync(stranger, $"/tools/{slug}/run?fran={runUrl.Split('/').Last()}");
        await BrowserSteps.WaitForFileInputAsync(stranger);
        await Assertions.Expect(stranger.Locator("#field-input-klass")).ToHaveValueAsync("");
        await Assertions.Expect(stranger.Locator("#field-input-grans")).ToHaveValueAsync("10");
        await Assertions.Expect(stranger.GetByTestId("run-values-note")).ToHaveCountAsync(0);
        await stranger.Context.CloseAsync();
    }
}
