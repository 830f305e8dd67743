using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools.Examples;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Grains.Audit;
using Skriptoteket.Grains.Runs;

namespace Skriptoteket.Grains.Tools.Examples;

/// <summary>
/// The worked examples of one tool (docs/adr/0012-worked-examples.md). Managing them is here; the background
/// checks in ToolExamplesGrain.Checks.cs. The grain keeps no state of its own: the tables are the truth, and it
/// never calls the tool grain (which calls it), so the two cannot wait on each other.
/// </summary>
internal sealed partial class ToolExamplesGrain(
    ExampleStore examples,
    CheckStore checks,
    IOptions<UploadLimits> uploads,
    IAuditLog audit,
    TimeProvider time,
    ILogger<ToolExamplesGrain> logger) : Grain, IToolExamplesGrain
{
    private Guid ToolId => this.GetPrimaryKey();

    public async Task<IReadOnlyList<ToolExample>> ListAsync(ActingUser actor)
    {
        await VisibleToolAsync(actor);
        var list = await examples.ListAsync(ToolId);
        // Teachers see names and files to try; the accepted output and the steps are for those who author the tool.
        return actor.IsAtLeast(Role.Contributor) ? list : [.. list.Select(e => e with { Expected = null, FieldValuesJson = null, Steps = [] })];
    }

    public async Task<ToolExample> AddAsync(ActingUser actor, NewExample example)
    {
        var tool = await ManagedToolAsync(actor);
        var name = ExampleRules.Name(example?.Name);
        var existing = await examples.ListAsync(ToolId);
        if (existing.Count >= ExampleRules.MaxExamplesPerTool)
        {
            throw DomainException.Invalid($"Ett verktyg kan ha högst {ExampleRules.MaxExamplesPerTool} exempel.", "Example.TooMany", ExampleRules.MaxExamplesPerTool.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var files = UploadPolicy.Check(example!.Files ?? [], uploads.Value);
        // The values as the newest version declares them: refused here with the run form's messages, not at a later run.
        var declared = tool.NewestInputs ?? ToolInputs.Legacy;
        if (RunInputRules.FileProblem(declared.Files, [.. files.Select(f => f.FileName)]) is { } refusal)
        {
            throw refusal;
        }
        FieldValueRules.Check(declared, example.FieldValuesJson);
        // The follow-up steps' names and values objects; the values meet their step's form when a check takes it.
        var steps = ExampleStepRules.Check(example.Steps);
        var id = Guid.NewGuid();
        if (!await examples.InsertAsync(id, ToolId, name, Values(example.FieldValuesJson), steps, files, actor.UserId))
        {
            throw ExampleRules.NameTaken(name);
        }
        await AuditAsync(actor, "tool.example.added", id, name);
        return (await examples.ListAsync(ToolId)).First(e => e.Id == id);
    }

    public async Task<ToolExample> RenameAsync(ActingUser actor, Guid exampleId, string name)
    {
        await ManagedToolAsync(actor);
        var valid = ExampleRules.Name(name);
        var renamed = await examples.RenameAsync(ToolId, exampleId, valid);
        if (renamed is null)
        {
            throw DomainException.NotFound("Exemplet");
        }
        if (renamed == false)
        {
            throw ExampleRules.NameTaken(valid);
        }
        await AuditAsync(actor, "tool.example.renamed", exampleId, valid);
        return (await examples.ListAsync(ToolId)).First(e => e.Id == exampleId);
    }

    public async Task DeleteAsync(ActingUser actor, Guid exampleId)
    {
        await ManagedToolAsync(actor);
        if (!await examples.DeleteAsync(ToolId, exampleId))
        {
            throw DomainException.NotFound("Exemplet");
        }
        await AuditAsync(actor, "tool.example.deleted", exampleId, null);
    }

    public async Task<ToolExample> AcceptResultAsync(ActingUser actor, Guid exampleId, Guid runId)
    {
        await ManagedToolAsync(actor);
        var example = await ExampleAsync(exampleId);
        var run = await GrainFactory.GetGrain<IRunGrain>(runId).GetAsync(actor);
        if (run.ToolId != ToolId)
        {
            throw DomainException.NotFound("Körningen");
        }
        // Only the example's own runs (its checks and "Kör exempel"): another run's output is another input's result.
        // With steps, the last step's run: the expected result is the end of the whole sequence.
        if (!await checks.IsRunOfAsync(example.Id, runId, example.Steps.Count))
        {
            throw DomainException.Invalid($"Körningen är inte en körning av exemplet \"{example.Name}\". Kör exemplet först.", "Example.NotItsRun", example.Name);
        }
        if (run.Status != RunStatus.Succeeded)
        {
            throw DomainException.Invalid("Bara en körning som gick bra kan bli exemplets förväntade resultat.", "Example.OnlySucceeded");
        }
        var expected = new ExpectedResult(ExampleOutput.Normalize(run.Output), run.VersionId, run.RunId, actor.UserId, time.GetUtcNow());
        await examples.SetExpectedAsync(example.Id, expected);
        await AuditAsync(actor, "tool.example.expected_set", example.Id, example.Name, run.RunId);
        await ChecksChangedAsync(Guid.Empty);
        return example with { Expected = expected };
    }

    public async Task<RunInfo> TryAsync(ActingUser actor, Guid exampleId, string? startKey = null)
    {
        var tool = await VisibleToolAsync(actor);
        var example = await ExampleAsync(exampleId);
        var request = RunRequest.Production(tool.Slug, actor, await examples.FilesAsync(example.Id), example.FieldValuesJson)
            with { StartKey = RunStartKey.Check(startKey), ExampleId = example.Id };
        return await GrainFactory.GetGrain<IRunGrain>(RunStartKey.RunIdOf(request)).StartAsync(request);
    }

    public async Task<RunInfo> RunInSandboxAsync(ActingUser actor, Guid exampleId, Guid versionId)
    {
        await VisibleToolAsync(actor);
        var example = await ExampleAsync(exampleId);
        if (!(await examples.VersionInputsAsync(ToolId, versionId)).Found)
        {
            throw DomainException.NotFound("Versionen");
        }
        // The run grain decides whether the actor may sandbox-run this version. The run is the example's check
        // against the version from now on (the background loop follows it to its end).
        var request = RunRequest.ExampleCheck(versionId, actor, await examples.FilesAsync(example.Id), example.FieldValuesJson)
            with { OpensCheckSession = example.Steps.Count > 0 };
        var run = await GrainFactory.GetGrain<IRunGrain>(Guid.NewGuid()).StartAsync(request);
        await checks.RecordRunAsync(ToolId, versionId, example.Id, run.RunId, actor);
        EnsureTicking();
        await ChecksChangedAsync(versionId);
        return run;
    }

    /// <summary>The tool if the actor may see it (users: published and runnable; contributors and above: any).</summary>
    private async Task<ToolFacts> VisibleToolAsync(ActingUser actor)
    {
        var tool = await examples.ToolAsync(ToolId);
        return tool is not null && ToolPermissions.CanSeeTool(actor, tool.IsPublished && tool.ActiveVersionId is not null)
            ? tool
            : throw DomainException.NotFound("Verktyget");
    }

    /// <summary>
    /// Managing examples is working on the tool (ToolPermissions.CanManageExamples: admins and the tool's
    /// maintainers, read from the tool_maintainers rows the tool grain writes with its state).
    /// </summary>
    private async Task<ToolFacts> ManagedToolAsync(ActingUser actor)
    {
        var tool = await VisibleToolAsync(actor);
        return ToolPermissions.CanManageExamples(actor, tool.Maintainers) ? tool : throw DomainException.Forbidden();
    }

    private async Task<ToolExample> ExampleAsync(Guid exampleId) =>
        (await examples.ListAsync(ToolId)).FirstOrDefault(e => e.Id == exampleId) ?? throw DomainException.NotFound("Exemplet");

    /// <summary>An empty values object is stored as none, so that "no values" has one form.</summary>
    private static string? Values(string? json) =>
        string.IsNullOrWhiteSpace(json) || json.Trim() is "{}" or "null" ? null : json.Trim();

    private Task AuditAsync(ActingUser actor, string action, Guid exampleId, string? name, Guid? runId = null) =>
        audit.AppendAsync(new AuditEntry(actor.UserId, action, "tool", ToolId.ToString(), new Dictionary<string, object?>
        {
            ["example_id"] = exampleId,
            ["name"] = name,
            ["run_id"] = runId,
        }));
}
