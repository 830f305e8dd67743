using System.Text;
using System.Text.Json;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Grains.Runs;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Grains.Tests;

/// <summary>
/// What a run keeps for its tool session's next step (runner protocol v3) is part of its output and so of its runs
/// row (docs/adr/0007): the steps it offers, the state, the kept files and the steps total read back from the row
/// exactly as the run grain had them, with a real container.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RunSessionOutputTests(ClusterFixture fixture)
{
    private const string TwoSteps = """
        import skriptoteket as st
        def run_tool(input_path, output_dir):
            name = open(input_path, encoding="utf-8").read().strip()
            st.state["namn"] = [name]
            st.steps_total = 3
            with open(output_dir + "/lista.txt", "w", encoding="utf-8") as f:
                f.write(name)
            st.keep("lista.txt")
            return [st.notice("Hej " + name),
                    st.step("dela", "Dela i grupper", [{"name": "storlek", "kind": "integer", "label": "Gruppstorlek",
                                                        "min": 2, "max": 6}], values={"storlek": 3}),
                    st.step("avbryt", "Avbryt", [])]
        """;

    [Fact]
    public async Task A_runs_steps_state_kept_files_and_steps_total_are_read_back_from_its_row()
    {
        var author = new ActingUser(Guid.NewGuid(), Role.Contributor);
        var (_, versionId, _) = await ToolRows.InsertAsync(fixture.Database, TwoSteps, author.UserId, published: false);
        var runId = Guid.NewGuid();
        var grain = fixture.Grains.GetGrain<IRunGrain>(runId);

        await grain.StartAsync(RunRequest.Sandbox(versionId, author, [new RunInputFile("namn.txt", Encoding.UTF8.GetBytes("Åsa"))]));
        var done = await (await RunGrainTests.WatchAsync(fixture, grain, author)).FinishedAsync();
        await using var db = fixture.Database.CreateDataSource();
        var store = new RunStore(db);
        var stored = (await Eventually.GetAsync(() => store.GetAsync(runId), r => r?.IsFinished == true, TimeSpan.FromSeconds(60),
            $"run {runId}'s row is finished"))!.Output;

        Assert.Equal(RunStatus.Succeeded, done.Status);
        Assert.Equal(["dela", "avbryt"], stored.NextSteps.Select(s => s.Name));
        Assert.Equal(["Dela i grupper", "Avbryt"], stored.NextSteps.Select(s => s.Label));
        Assert.Equal(new InputField("storlek", FieldKind.Integer, "Gruppstorlek", Default: "3", Min: "2", Max: "6"),
            stored.NextSteps.First().Fields.Single());
        Assert.Equal("Åsa", JsonDocument.Parse(stored.SessionStateJson!).RootElement.GetProperty("namn")[0].GetString());
        Assert.Equal(["lista.txt"], stored.KeptFiles);
        Assert.Equal(3, stored.StepsTotal);
        // The row holds exactly what the grain had.
        Assert.Equal(JsonSerializer.Serialize(done.Output.Blocks), JsonSerializer.Serialize(stored.Blocks));
        Assert.Equal(done.Output.SessionStateJson, stored.SessionStateJson);
        Assert.Equal(done.Output.KeptFiles, stored.KeptFiles);
        Assert.Equal(done.Output.StepsTotal, stored.StepsTotal);
        // Lists leave the state out (up to 64 KiB a run) but keep the rest.
        var listed = Assert.Single(await store.ListSandboxAsync(done.ToolId, author.UserId, 10)).Output;
        Assert.Null(listed.SessionStateJson);
        Assert.Equal(["lista.txt"], listed.KeptFiles);
        Assert.Equal(3, listed.StepsTotal);
    }
}
