using Bunit;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Web.Components.Studio;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Studio.Tests;

/// <summary>The editor panel's states: empty, loading, conflict, hidden and disabled-with-reason actions, problems.</summary>
public sealed class EditorPanelTests : StudioTestContext
{
    private static ToolVersion Draft(string source = "def run_tool(input_path, output_dir):\n    return ''\n") =>
        new(Version(4, VersionState.Draft, head: true), source);

    private IRenderedComponent<EditorPanel> Render(Action<ComponentParameterCollectionBuilder<EditorPanel>> parameters) =>
        Context.Render(parameters);

    [Fact]
    public void Empty_tool_offers_the_first_draft_from_the_starter_script()
    {
        var panel = Render(p => p.Add(e => e.Draft, null).Add(e => e.CanCreateDraft, true).Add(e => e.HasVersions, false));

        Assert.Contains("startskript", panel.Find("[data-testid=editor-empty]").TextContent);
        Assert.Equal("Skapa första utkastet", panel.Find("[data-testid=create-draft]").TextContent.Trim());
        Assert.Empty(panel.FindAll("[data-testid=save]"));
    }

    [Fact]
    public void Empty_with_versions_offers_a_draft_from_the_latest_and_hides_it_from_who_may_not_author()
    {
        var withVersions = Render(p => p.Add(e => e.Draft, null).Add(e => e.CanCreateDraft, true).Add(e => e.HasVersions, true));
        var forbidden = Render(p => p.Add(e => e.Draft, null).Add(e => e.CanCreateDraft, false).Add(e => e.HasVersions, true));

        Assert.Equal("Skapa utkast från senaste versionen", withVersions.Find("[data-testid=create-draft]").TextContent.Trim());
        Assert.Empty(forbidden.FindAll("[data-testid=create-draft]"));
    }

    [Fact]
    public void Loading_shows_progress_and_keeps_save_disabled_until_the_editor_is_there()
    {
        var panel = Render(p => p.Add(e => e.Draft, Draft()).Add(e => e.MonacoReady, false));

        Assert.Contains("Laddar redigeraren", panel.Find("[data-testid=editor-loading]").TextContent);
        Assert.True(panel.Find("[data-testid=save]").HasAttribute("disabled"));
        Assert.Empty(panel.FindAll(".studio-editor"));
    }

    [Fact]
    public void Ready_editor_is_shown_with_save_enabled_and_the_version_named()
    {
        var panel = Render(p => p.Add(e => e.Draft, Draft()).Add(e => e.MonacoReady, true));

        Assert.Single(panel.FindAll("#studio-editor"));
        Assert.False(panel.Find("[data-testid=save]").HasAttribute("disabled"));
        Assert.Equal("Redigerar utkast v4", panel.Find("[data-testid=editor-version]").TextContent);
        Assert.Empty(panel.FindAll("[data-testid=editor-loading]"));
    }

    [Fact]
    public void Conflict_shows_their_version_beside_the_unsaved_text_and_both_ways_out()
    {
        var theirs = new ToolVersion(Version(5, VersionState.Draft, head: true), "def run_tool(a, b):\n    return 'deras'\n");
        var mine = "def run_tool(a, b):\n    return 'min'\n";

        var panel = Render(p => p.Add(e => e.Draft, Draft()).Add(e => e.MonacoReady, true)
            .Add(e => e.Conflict, new StudioConflict(theirs, "Anna Admin", mine)));

        var view = panel.Find("[data-testid=conflict-view]");
        Assert.Contains("Anna Admin", view.TextContent);
        Assert.Contains("v5", view.TextContent);
        Assert.Contains(panel.FindAll("td[data-side=theirs]"), td => td.TextContent.Contains("'deras'"));
        Assert.Contains(panel.FindAll("td[data-side=mine]"), td => td.TextContent.Contains("'min'"));
        Assert.Equal(mine, panel.Find("[data-testid=conflict-mine]").TextContent);
        Assert.Contains("efter v5", panel.Find("[data-testid=conflict-save-mine]").TextContent);
        Assert.Contains("Öppna v5", panel.Find("[data-testid=conflict-reopen]").TextContent);
    }

    [Fact]
    public void Submit_is_hidden_when_the_role_or_state_does_not_allow_it()
    {
        var panel = Render(p => p.Add(e => e.Draft, Draft()).Add(e => e.MonacoReady, true).Add(e => e.Submit, ActionAvailability.Hidden));

        Assert.Empty(panel.FindAll("[data-testid=submit]"));
        Assert.Empty(panel.FindAll("[data-testid=submit-reason]"));
    }

    [Theory]
    [InlineData("Reason.HasProblems", "Rätta felen i skriptet först.")]
    [InlineData("Reason.SaveFirst", "Spara först: det är den sparade versionen som lämnas in.")]
    public void Disabled_submit_says_why(string reason, string text)
    {
        var panel = Render(p => p.Add(e => e.Draft, Draft()).Add(e => e.MonacoReady, true)
            .Add(e => e.Submit, ActionAvailability.Disabled(reason)));

        Assert.True(panel.Find("[data-testid=submit]").HasAttribute("disabled"));
        Assert.Equal(text, panel.Find("[data-testid=submit-reason]").TextContent);
    }

    [Fact]
    public void Problems_are_listed_with_their_line_in_words()
    {
        var panel = Render(p => p.Add(e => e.Draft, Draft()).Add(e => e.MonacoReady, true).Add(e => e.Problems,
        [
            new ScriptProblem(ScriptProblem.Syntax, 5, 37, "expected ':'"),
            new ScriptProblem(ScriptProblem.EntrypointMissing, 1, 1, "run_tool"),
        ]));

        var problems = panel.FindAll("[data-testid=problem]").Select(e => e.TextContent).ToList();
        Assert.Equal(["Rad 5: syntaxfel – expected ':'",
            "Funktionen run_tool saknas. Skriptet måste definiera def run_tool(input_path, output_dir)."], problems);
        Assert.Empty(panel.FindAll("[data-testid=no-problems]"));
    }
}
