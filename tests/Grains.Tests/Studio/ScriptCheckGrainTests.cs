using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Tests.Tools;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Grains.Tests.Studio;

/// <summary>
/// Problems before running, on the real cluster and Docker engine: the script is parsed in a runner container,
/// never executed; submitting a draft with problems is refused by the tool grain.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ScriptCheckGrainTests(ClusterFixture fixture)
{
    private readonly ToolTestKit kit = new(fixture);

    private IScriptCheckGrain Checker => fixture.Grains.GetGrain<IScriptCheckGrain>(0);

    [Fact]
    public async Task A_syntax_error_is_reported_at_its_line_and_the_script_is_never_run()
    {
        // Were this executed, its import would fail with a different message and the file would exist.
        const string script = "import os\nopen('/work/output/ran.txt', 'w').write('x')\n\ndef run_tool(input_path, output_dir)\n    return ''\n";

        var problems = await Checker.CheckAsync(kit.Contributor, script, "run_tool");

        var problem = Assert.Single(problems);
        Assert.Equal(ScriptProblem.Syntax, problem.Code);
        Assert.Equal(4, problem.Line);
        Assert.Contains("expected ':'", problem.Detail);
    }

    [Theory]
    [InlineData("def main(a, b):\n    return ''\n", ScriptProblem.EntrypointMissing, 1)]
    [InlineData("x = 1\n\ndef run_tool(only_one):\n    return ''\n", ScriptProblem.EntrypointShape, 3)]
    [InlineData("async def run_tool(a, b):\n    return ''\n", ScriptProblem.EntrypointShape, 1)]
    public async Task A_missing_or_wrongly_shaped_entrypoint_is_reported(string script, string code, int line)
    {
        var problems = await Checker.CheckAsync(kit.Admin, script, "run_tool");

        var problem = Assert.Single(problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal(line, problem.Line);
    }

    [Fact]
    public async Task The_starter_script_and_a_custom_entrypoint_have_no_problems()
    {
        Assert.Empty(await Checker.CheckAsync(kit.Contributor, Skriptoteket.Grains.Tools.StarterScript.Source, "run_tool"));
        Assert.Empty(await Checker.CheckAsync(kit.Contributor, "def berakna(indata, utdata, extra=None):\n    return ''\n", "berakna"));
    }

    [Fact]
    public async Task Users_may_not_check_scripts()
    {
        await ToolTestKit.Refused(ErrorCode.Forbidden, () => Checker.CheckAsync(kit.User, "x = 1", "run_tool"));
    }

    [Fact]
    public async Task A_draft_with_errors_saves_but_cannot_be_submitted()
    {
        var tool = await kit.NewToolAsync();
        var draft = await tool.CreateDraftAsync(kit.Contributor, null);
        var broken = await tool.SaveAsync(kit.Contributor,
            new SaveVersionCommand(draft.Id, "def run_tool(input_path, output_dir)\n    return ''\n", null, "Trasig"));

        var refused = await ToolTestKit.Refused(ErrorCode.Validation, () => tool.SubmitForReviewAsync(kit.Contributor, broken.Id, null));

        Assert.Contains("rad 1", refused.Message);
        var fixedDraft = await tool.SaveAsync(kit.Contributor,
            new SaveVersionCommand(broken.Id, "def run_tool(input_path, output_dir):\n    return ''\n", null, "Lagad"));
        var submitted = await tool.SubmitForReviewAsync(kit.Contributor, fixedDraft.Id, null);
        Assert.Equal(VersionState.InReview, submitted.State);
    }
}
