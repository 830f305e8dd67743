using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Skriptoteket.EndToEnd.Tests.Teacher;

/// <summary>
/// Issue 18: a number field keeps exactly what the teacher typed. The arrow keys step from the value shown, a
/// decimal comma is a decimal point, and a decimal in a whole-number field is refused by name before any run;
/// the value the script receives is the one shown.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NumberFieldTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Typed_numbers_reach_the_run_as_shown_and_a_decimal_in_a_whole_number_field_is_refused_in_Swedish()
    {
        var slug = await FieldsTool.PublishAsync(fixture.Database);
        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture);
        await BrowserSteps.GotoInteractiveAsync(page, $"/tools/{slug}/run");
        var antal = page.Locator("#field-input-antal");
        var snitt = page.Locator("#field-input-snitt");
        await Assertions.Expect(antal).ToHaveValueAsync("10");
        await Assertions.Expect(page.GetByTestId("field-antal")).ToContainTextAsync("Mellan 0 och 100.");

        // "1,5" in a whole-number field: a message naming the field, the typed text kept, no run.
        await antal.FillAsync("1,5");
        await page.GetByTestId("run-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("field-antal")).ToContainTextAsync("Antal elever: måste vara ett heltal, utan decimaler.");
        await Assertions.Expect(page.GetByTestId("run-fields-refused")).ToBeVisibleAsync();
        await Assertions.Expect(antal).ToHaveValueAsync("1,5");
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveCountAsync(0);

        // 12 then ArrowUp shows 13; 30 would have stepped from a stale value before.
        await antal.FillAsync("12");
        await antal.PressAsync("ArrowUp");
        await Assertions.Expect(antal).ToHaveValueAsync("13");
        await snitt.FillAsync("1,5");
        await page.GetByTestId("run-button").ClickAsync();

        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-finished", "true", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Klar");
        await Assertions.Expect(page.Locator("iframe.run-result")).ToHaveAttributeAsync("srcdoc", new Regex("""\{"antal": 13, "snitt": 1\.5\}"""));
        await Assertions.Expect(antal).ToHaveValueAsync("13");
        await Assertions.Expect(snitt).ToHaveValueAsync("1,5");
        await Assertions.Expect(page.GetByTestId("run-fields-refused")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_arrow_keys_step_from_the_shown_value_within_the_bounds()
    {
        var slug = await FieldsTool.PublishAsync(fixture.Database);
        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture);
        await BrowserSteps.GotoInteractiveAsync(page, $"/tools/{slug}/run");
        var antal = page.Locator("#field-input-antal");
        var snitt = page.Locator("#field-input-snitt");

        await antal.FillAsync("30");
        await antal.PressAsync("ArrowUp");
        await antal.PressAsync("ArrowUp");
        await Assertions.Expect(antal).ToHaveValueAsync("32");
        await antal.PressAsync("ArrowDown");
        await Assertions.Expect(antal).ToHaveValueAsync("31");
        await antal.FillAsync("100");
        await antal.PressAsync("ArrowUp");
        await Assertions.Expect(antal).ToHaveValueAsync("100");
        await snitt.FillAsync("2,25");
        await snitt.PressAsync("ArrowUp");
        await Assertions.Expect(snitt).ToHaveValueAsync("3,25");
        await page.Context.CloseAsync();
    }
}
