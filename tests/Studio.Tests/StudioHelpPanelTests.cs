using Bunit;
using Skriptoteket.Web.Components.Studio;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Studio.Tests;

/// <summary>The help panel speaks the page's language: every helper name with its signature and explanation, field kinds, examples.</summary>
public sealed class StudioHelpPanelTests() : StudioTestContext("en")
{
    [Fact]
    public void The_help_opens_from_its_button_in_english_with_every_helper_name()
    {
        var help = Context.Render<StudioHelp>();
        var button = help.Find("[data-testid=help-open]");
        Assert.Equal("Script help (Alt+Shift+H)", button.GetAttribute("aria-label"));
        Assert.Equal("false", button.GetAttribute("aria-expanded"));
        Assert.Empty(help.FindAll("[data-testid=help-panel]"));

        button.Click();

        var panel = help.Find("[data-testid=help-panel]");
        Assert.Equal("Writing a tool", panel.QuerySelector("h2")!.TextContent);
        var api = help.Find("[data-testid=help-api]").TextContent;
        Assert.All(HelperModule.Members, m => Assert.Contains(m.Usage, api));
        Assert.Contains("An error whose message the teacher reads exactly as written", api);
        Assert.Contains("Whole number: a whole number (int)", help.Find("[data-testid=help-kinds]").TextContent);
        Assert.Contains("st.notice(\"Done!\")", help.Find("[data-testid=help-example-Table]").TextContent);
        Assert.Equal(5, help.FindAll("[data-testid=help-copy]").Count);
    }
}
