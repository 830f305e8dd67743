using System.Text;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Sessions;

namespace Skriptoteket.Grains.Tests.Sessions;

/// <summary>
/// A real three-step tool on the real runner (protocol v3): each step a new run in its own container that gets the
/// step's name and values, the state the previous step kept and the session's files (the upload and the file the
/// script kept); the last step ends the session and its files are deleted.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ToolSessionStepsTests(ClusterFixture fixture)
{
    internal const string ThreeSteps = """
        import skriptoteket as st

        def run_tool(input_path, output_dir):
            if st.current_step is None:
                st.state["namn"] = open(input_path, encoding="utf-8").read().split()
                st.steps_total = 3
                return [st.notice("%d elever" % len(st.state["namn"])),
                        st.step("storlek", "Välj gruppstorlek", [
                            {"name": "storlek", "kind": "integer", "label": "Gruppstorlek", "min": 2, "max": 5, "required": True}])]
            if st.current_step == "storlek":
                n = st.fields["storlek"]
                st.state["storlek"] = n
                namn = st.state["namn"]
                with open(output_dir + "/grupper.txt", "w", encoding="utf-8") as f:
                    f.write("\n".join(" ".join(namn[i:i + n]) for i in range(0, len(namn), n)))
                st.keep("grupper.txt")
                return [st.notice("grupper om %d" % n),
                        st.step("namnge", "Namnge grupperna", [
                            {"name": "prefix", "kind": "short_text", "label": "Gruppernas namn", "required": True}])]
            files = sorted(f.name for f in st.session_files())
            rader = open([f.path for f in st.session_files() if f.name == "grupper.txt"][0], encoding="utf-8").read().splitlines()
            return [st.markdown("%s: %s; storlek %d; filer %s" % (
                st.current_step, ", ".join("%s %d: %s" % (st.fields["prefix"], i + 1, r) for i, r in enumerate(rader)),
                st.state["storlek"], ",".join(files)))]
        """;

    [Fact]
    public async Task A_teacher_takes_three_steps_each_a_run_with_the_state_and_files_of_the_earlier_ones()
    {
        var teacher = new ActingUser(Guid.NewGuid(), Role.User);
        var (toolId, _, slug) = await ToolRows.InsertAsync(fixture.Database, ThreeSteps, Guid.NewGuid(), published: true);
        var session = fixture.Grains.GetGrain<IToolSessionGrain>(ToolSessionKey.Production(toolId, teacher.UserId));
        var opener = fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid());

        await opener.StartAsync(RunRequest.Production(slug, teacher, [new RunInputFile("klass.txt", Encoding.UTF8.GetBytes("Ada Bo Cai Dan"))]));
        var opened = await Eventually.GetAsync(() => session.GetAsync(teacher), s => s.IsOpen, SessionKit.Patience);
        Assert.Equal(["storlek"], opened.NextSteps.Select(s => s.Name));
        Assert.Equal(3, opened.StepsTotal);
        Assert.Equal(["klass.txt"], opened.Files.Select(f => f.Name));

        var second = await TakeAndWaitAsync(session, teacher, opened.LatestRunId!.Value, "storlek", """{"storlek": 2}""");
        Assert.Equal(["namnge"], second.NextSteps.Select(s => s.Name));
        Assert.Equal(["grupper.txt", "klass.txt"], second.Files.Select(f => f.Name).Order());
        Assert.Contains(second.Files, f => f is { Name: "grupper.txt", KeptByScript: true });

        var third = await session.TakeStepAsync(teacher, SessionKit.Step(second.LatestRunId!.Value, """{"prefix": "Grupp"}""", step: "namnge"));
        var ended = await Eventually.GetAsync(() => session.GetAsync(teacher), s => !s.IsOpen, SessionKit.Patience);

        var last = await fixture.Grains.GetGrain<IRunGrain>(third.LatestRunId!.Value).GetAsync(teacher);
        Assert.Equal(RunStatus.Succeeded, last.Status);
        Assert.Contains("namnge: Grupp 1: Ada Bo, Grupp 2: Cai Dan; storlek 2; filer grupper.txt,klass.txt",
            last.Output.Blocks.Single(b => b.Kind == OutputBlockKind.Markdown).Text);
        Assert.Equal("namnge", last.StepName);
        Assert.Empty(ended.Files);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM run_files WHERE run_id = ANY(ARRAY['{string.Join("','", third.RunIds)}']::uuid[]) AND kind LIKE 'session%'"));
        Assert.Equal(3L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM runs WHERE session_key = '{ToolSessionKey.Production(toolId, teacher.UserId)}'"));
    }

    private static async Task<ToolSessionInfo> TakeAndWaitAsync(IToolSessionGrain session, ActingUser teacher, Guid from, string step, string values)
    {
        var taken = await session.TakeStepAsync(teacher, SessionKit.Step(from, values, step: step));
        Assert.True(taken.StepRunning);
        return await Eventually.GetAsync(() => session.GetAsync(teacher), s => !s.StepRunning, SessionKit.Patience,
            describe: s => $"running {s.StepRunning}, runs {s.RunIds.Count}, open {s.IsOpen}");
    }
}
