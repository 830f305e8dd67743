using Bunit;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Web.Components.Studio;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Studio.Tests;

/// <summary>The studio speaks English when the page does (StudioStrings.en.resx).</summary>
public sealed class EnglishStudioTests() : StudioTestContext("en")
{
    [Fact]
    public void Editor_and_reasons_are_in_english()
    {
        var panel = Context.Render<EditorPanel>(p => p
            .Add(e => e.Draft, new ToolVersion(Version(2, VersionState.Draft, head: true), "x = 1\n"))
            .Add(e => e.MonacoReady, true)
            .Add(e => e.Submit, ActionAvailability.Disabled("Reason.HasProblems"))
            .Add(e => e.Problems, [new ScriptProblem(ScriptProblem.EntrypointMissing, 1, 1, "run_tool")]));

        Assert.Equal("Editing draft v2", panel.Find("[data-testid=editor-version]").TextContent);
        Assert.Equal("Save", panel.Find("[data-testid=save]").TextContent.Trim());
        Assert.Equal("Fix the problems in the script first.", panel.Find("[data-testid=submit-reason]").TextContent);
        Assert.StartsWith("The function run_tool is missing.", panel.Find("[data-testid=problem]").TextContent);
    }
}
