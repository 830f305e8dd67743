using Docker.DotNet;
using Docker.DotNet.Models;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Grains.Execution;
using Skriptoteket.Grains.Tools;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Grains.Tests.Tools;

/// <summary>
/// Declared fields and files on the real cluster, PostgreSQL and Docker: part of the version (hash, row, every
/// copy), refused when malformed, and the run grain refuses values and files against them before anything runs.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ToolInputsGrainTests(ClusterFixture fixture)
{
    private const string NoFileScript = "def run_tool(input_path, output_dir):\n    return '<p>Klar</p>'\n";

    private static readonly ToolInputs ClassAndThreshold = new(
        [
            new InputField("klass", FieldKind.OneChoice, "Klass", "Vilken klass?", Required: true, Options: ["7A", "7B"]),
            new InputField("grans", FieldKind.Integer, "Gräns", Default: "10", Min: "0", Max: "100"),
        ],
        new FileInputs(0, 1, [".csv"]));

    [Fact]
    public async Task The_declaration_is_saved_with_the_version_in_its_hash_and_row_and_kept_through_review_and_publish()
    {
        var kit = new ToolTestKit(fixture);
        var tool = await kit.NewToolAsync();
        var first = await tool.CreateDraftAsync(kit.Contributor, null);

        var saved = await tool.SaveAsync(kit.Contributor, new SaveVersionCommand(first.Id, NoFileScript, null, "Fält", ClassAndThreshold));
        var same = await tool.SaveAsync(kit.Contributor, new SaveVersionCommand(saved.Id, NoFileScript, null, "Samma fält igen"));

        Assert.Equal(ContentHash.Of(NoFileScript, "run_tool", ClassAndThreshold), saved.ContentSha256);
        Assert.NotEqual(ContentHash.Of(NoFileScript, "run_tool"), saved.ContentSha256);
        Assert.Equal(saved.ContentSha256, same.ContentSha256);
        Assert.Equal(ToolInputsJson.Write(ClassAndThreshold), ToolInputsJson.Write(same.Declared));
        var row = await fixture.Database.ScalarAsync<string>($"SELECT inputs::text FROM tool_versions WHERE id = '{saved.Id}'");
        Assert.Equal(ToolInputsJson.Write(ClassAndThreshold), ToolInputsJson.Write(ToolInputsJson.ReadStored(row)));

        await tool.SubmitForReviewAsync(kit.Contributor, same.Id, null);
        var active = await tool.PublishVersionAsync(kit.Admin, same.Id);
        Assert.Equal(saved.ContentSha256, active.ContentSha256);
        Assert.Equal(ToolInputsJson.Write(ClassAndThreshold), ToolInputsJson.Write((await tool.GetVersionAsync(kit.Admin, active.Id)).Header.Declared));
        Assert.Null(await fixture.Database.ScalarAsync<object>($"SELECT inputs FROM tool_versions WHERE id = '{first.Id}'") as string);
    }

    [Fact]
    public async Task A_malformed_declaration_is_refused_and_adds_no_version()
    {
        var kit = new ToolTestKit(fixture);
        var tool = await kit.NewToolAsync();
        var draft = await tool.CreateDraftAsync(kit.Contributor, null);
        var bad = new ToolInputs([new InputField("klass", FieldKind.OneChoice, "Klass"), new InputField("klass", FieldKind.Integer, "Gräns", Min: "9", Max: "1")],
            new FileInputs(1, 1));

        var error = await ToolTestKit.Refused(ErrorCode.Validation,
            () => tool.SaveAsync(kit.Contributor, new SaveVersionCommand(draft.Id, NoFileScript, null, null, bad)));

        Assert.Contains("Fältet \"klass\": ange minst ett alternativ.", error.Message);
        Assert.Contains("namnet finns redan", error.Message);
        Assert.Contains("minsta värdet är större än det största", error.Message);
        Assert.Single((await tool.GetAsync(kit.Contributor)).Versions);
    }

    [Fact]
    public async Task Bad_values_and_files_are_refused_before_any_row_or_container_and_good_ones_run()
    {
        var (slug, user) = await PublishedAsync();
        var refusals = new[]
        {
            ("""{"grans": 200}""", (IReadOnlyList<RunInputFile>)[], "Klass: välj ett alternativ.", "Gräns: högst 100."),
            ("""{"klass": "9C", "grans": "tio"}""", [], "Klass: \"9C\" finns inte bland alternativen.", "Gräns: måste vara ett heltal, utan decimaler."),
        };
        foreach (var (values, files, first, second) in refusals)
        {
            var runId = Guid.NewGuid();
            var error = await ToolTestKit.Refused(ErrorCode.Validation,
                () => fixture.Grains.GetGrain<IRunGrain>(runId).StartAsync(RunRequest.Production(slug, user, files, values)));

            Assert.Equal([first, second], FieldValueRules.ProblemsOf(error).Select(p => p.Message));
            await AssertNothingStartedAsync(runId);
        }
        var wrongFile = Guid.NewGuid();
        var fileError = await ToolTestKit.Refused(ErrorCode.Validation, () => fixture.Grains.GetGrain<IRunGrain>(wrongFile)
            .StartAsync(RunRequest.Production(slug, user, [new RunInputFile("elever.txt", [65])], """{"klass": "7A"}""")));
        Assert.Equal("Run.WrongTypeForTool", fileError.Key);
        await AssertNothingStartedAsync(wrongFile);

        // No file at all is fine for this tool (it declares 0–1), and the grain accepts the values.
        var grain = fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid());
        await grain.StartAsync(RunRequest.Production(slug, user, [], """{"klass": "7B"}"""));
        var done = await (await RunGrainTests.WatchAsync(fixture, grain, user)).FinishedAsync();
        Assert.Equal(RunStatus.Succeeded, done.Status);
        Assert.Equal("<p>Klar</p>", done.Output.Html);
    }

    private async Task<(string Slug, Grains.Abstractions.Identity.ActingUser User)> PublishedAsync()
    {
        var kit = new ToolTestKit(fixture);
        var tool = await kit.NewToolAsync();
        var draft = await tool.CreateDraftAsync(kit.Admin, null);
        var saved = await tool.SaveAsync(kit.Admin, new SaveVersionCommand(draft.Id, NoFileScript, null, null, ClassAndThreshold));
        await tool.SubmitForReviewAsync(kit.Admin, saved.Id, null);
        await tool.PublishVersionAsync(kit.OtherAdmin, saved.Id);
        var info = await tool.PublishAsync(kit.Admin);
        return (info.Metadata.Slug, kit.User);
    }

    private async Task AssertNothingStartedAsync(Guid runId)
    {
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM runs WHERE id = '{runId}'"));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM run_queue WHERE run_id = '{runId}'"));
        using var docker = new DockerClientConfiguration(new Uri(new ExecutionOptions().DockerEndpoint)).CreateClient();
        var containers = await docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{ContainerLabels.RunId}={runId}"] = true },
            },
        });
        Assert.Empty(containers);
    }
}
