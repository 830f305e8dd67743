using Microsoft.Playwright;
using Skriptoteket.EndToEnd.Tests.Tools;
using Xunit.Abstractions;

namespace Skriptoteket.EndToEnd.Tests.Teacher;

/// <summary>
/// Issue 21: a teacher takes a three-step tool from first run to last (docs/adr/0016-tool-sessions.md), reloads in
/// the middle and goes on where she was, gets a clear refusal in a second, stale tab (which then shows the latest
/// step), and starts over with "Börja om"; "Mina körningar" groups each session's runs.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ToolSessionWalkTests(BrowserFixture fixture, ITestOutputHelper output)
{
    internal const string Script = """
        import skriptoteket as st

        def run_tool(input_path, output_dir):
            if st.current_step is None:
                st.state["klass"] = st.fields["klass"]
                st.steps_total = 3
                return [st.notice("Klass " + st.fields["klass"]),
                        st.step("storlek", "Välj gruppstorlek", [
                            {"name": "storlek", "kind": "integer", "label": "Gruppstorlek", "min": 2, "max": 6, "required": True}])]
            if st.current_step == "storlek":
                st.state["storlek"] = st.fields["storlek"]
                return [st.notice("Grupper om %d" % st.fields["storlek"]),
                        st.step("namnge", "Namnge grupperna", [
                            {"name": "namn", "kind": "short_text", "label": "Gruppernas namn", "required": True}])]
            return [st.notice("Klart: %s, grupperna %s om %d" % (st.state["klass"], st.fields["namn"], st.state["storlek"]))]
        """;

    internal static readonly object Inputs = new
    {
        fields = new object[] { new { name = "klass", kind = "short_text", label = "Klass", required = true } },
        files = new { minFiles = 0, maxFiles = 0 },
    };

    private static readonly LocatorAssertionsToHaveTextOptions RunPatience = new() { Timeout = 60_000 };

    [Fact]
    public async Task A_teacher_takes_three_steps_reloads_midway_gets_a_clear_refusal_in_a_stale_tab_and_starts_over()
    {
        await fixture.ShowingHostLogOnFailureAsync(output, WalkAsync);
    }

    private async Task WalkAsync()
    {
        var world = new WalkWorld(fixture);
        var slug = $"grupper-{world.Tag}";
        var teacher = await world.AccountAsync("user", "larare");
        using (var api = await world.SuperuserAsync())
        {
            await api.PublishToolAsync(slug, $"Grupper {world.Tag}", "Delar en klass i grupper, steg för steg.", Script, Inputs);
        }
        var page = await BrowserSteps.LoginAsync(fixture, teacher, WalkWorld.Password);

        // Step 1: the ordinary first run opens the session and offers step 2.
        await BrowserSteps.GotoInteractiveAsync(page, $"/tools/{slug}/run");
        await page.Locator("#field-input-klass").FillAsync("7B");
        await page.GetByTestId("run-button").ClickAsync();
        await Assertions.Expect(Step(page, "storlek")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("latest-run").GetByTestId("output-notice")).ToHaveTextAsync("Klass 7B");
        await Assertions.Expect(page.GetByTestId("session-step-number")).ToHaveTextAsync("Steg 2 av 3");
        // No step block is shown as output: it is the form.
        await Assertions.Expect(page.Locator("[data-testid=output-block][data-kind=step]")).ToHaveCountAsync(0);

        // A second tab opens the tool at the same step (it will go stale).
        var stale = await page.Context.NewPageAsync();
        await BrowserSteps.GotoInteractiveAsync(stale, $"/tools/{slug}/run");
        await Assertions.Expect(Step(stale, "storlek")).ToBeVisibleAsync();

        // A reload in the middle: the page is back at step 2 with step 1's result.
        await page.ReloadAsync();
        await BrowserSteps.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("session-step-number")).ToHaveTextAsync("Steg 2 av 3");
        await Assertions.Expect(page.GetByTestId("latest-run").GetByTestId("output-notice")).ToHaveTextAsync("Klass 7B");

        // Step 2 in the first tab.
        await page.Locator("#step-storlek-input-storlek").FillAsync("3");
        await Step(page, "storlek").GetByTestId("session-step-button").ClickAsync();
        await Assertions.Expect(Step(page, "namnge")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("latest-run").GetByTestId("output-notice")).ToHaveTextAsync("Grupper om 3");
        await Assertions.Expect(page.GetByTestId("session-step-number")).ToHaveTextAsync("Steg 3 av 3");
        await Assertions.Expect(page.GetByTestId("session-earlier-step")).ToHaveCountAsync(1);

        // The stale tab answers step 2 again: refused clearly, and it then shows the latest step.
        await stale.Locator("#step-storlek-input-storlek").FillAsync("4");
        await Step(stale, "storlek").GetByTestId("session-step-button").ClickAsync();
        await Assertions.Expect(stale.GetByTestId("run-start-error"))
            .ToHaveTextAsync("Det här steget hör till en äldre vy av verktyget. Sidan visar nu det senaste steget.");
        await Assertions.Expect(Step(stale, "namnge")).ToBeVisibleAsync();
        await Assertions.Expect(stale.GetByTestId("latest-run").GetByTestId("output-notice")).ToHaveTextAsync("Grupper om 3");
        await stale.CloseAsync();

        // Step 3 ends the tool.
        await page.Locator("#step-namnge-input-namn").FillAsync("Röd");
        await Step(page, "namnge").GetByTestId("session-step-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("latest-run").GetByTestId("output-notice"))
            .ToHaveTextAsync("Klart: 7B, grupperna Röd om 3", RunPatience);
        await Assertions.Expect(page.GetByTestId("session-done")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("session-earlier-step")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("session-steps")).ToHaveCountAsync(0);

        // A new first run opens a new session; "Börja om" ends it, and a reload shows no session.
        await page.Locator("#field-input-klass").FillAsync("8C");
        await page.GetByTestId("run-button").ClickAsync();
        await Assertions.Expect(Step(page, "storlek")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("session-earlier-step")).ToHaveCountAsync(0);

        // Another first run in the middle of that session takes its place: counted from 1 again, and what was typed
        // into the old session's step form does not fill the new one.
        await page.Locator("#step-storlek-input-storlek").FillAsync("5");
        await page.Locator("#field-input-klass").FillAsync("9A");
        await page.GetByTestId("run-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("latest-run").GetByTestId("output-notice")).ToHaveTextAsync("Klass 9A", RunPatience);
        await Assertions.Expect(page.GetByTestId("session-step-number")).ToHaveTextAsync("Steg 2 av 3");
        await Assertions.Expect(page.GetByTestId("session-earlier-step")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#step-storlek-input-storlek")).ToHaveValueAsync("");
        await page.GetByTestId("session-start-over").ClickAsync();
        await Assertions.Expect(page.GetByTestId("session-started-over")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("session-steps")).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await BrowserSteps.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("run-button")).ToBeEnabledAsync();
        await Assertions.Expect(page.GetByTestId("session-steps")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("latest-run")).ToHaveCountAsync(0);

        // "Mina körningar" shows each session's runs as one group: its first run and the steps after it (newest first).
        await BrowserSteps.GotoInteractiveAsync(page, "/my-runs");
        await Assertions.Expect(page.GetByTestId("run-list").GetByTestId("run-session-step")).ToHaveTextAsync(["Steg 1", "Steg 1", "Steg 3", "Steg 2", "Steg 1"]);
        await page.Context.CloseAsync();
    }

    private static ILocator Step(IPage page, string name) => page.Locator($"[data-testid=session-step][data-step={name}]");
}
