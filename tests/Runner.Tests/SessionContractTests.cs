using System.Text;
using System.Text.Json;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Runner.Tests;

/// <summary>
/// Runner protocol v3 end to end through the real execution service and image (runner-image/PROTOCOL.md, "Version 3"):
/// a run offers follow-up steps and keeps a state, the next step's run gets the step, its values, the settings, the
/// state and the files of earlier steps read-only; a state that cannot be kept fails the run with a clear message;
/// a script written before sessions runs as before; st.pdf makes a PDF with Swedish letters.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed class SessionContractTests(RunnerFixture fixture)
{
    private async Task<RunnerOutcome> RunAsync(RunnerJob job)
    {
        var outcome = await fixture.Runner.RunAsync(job, RunnerFixture.Silo, CancellationToken.None);
        Assert.Empty(await fixture.ContainersOfRunAsync(job.RunId));
        return outcome;
    }

    private static RunnerJob Job(string source, string fieldsJson = "{}", params RunnerInput[] inputs) =>
        new(Guid.NewGuid(), source, "run_tool", inputs, 30, fieldsJson);

    [Fact]
    public async Task A_v3_script_returning_two_steps_and_a_state_produces_next_steps_the_state_and_kept_files()
    {
        var outcome = await RunAsync(Job("""
            import csv
            import skriptoteket as st
            def run_tool(input_path, output_dir):
                with open(input_path, encoding="utf-8") as f:
                    names = [row["Namn"] for row in csv.DictReader(f)]
                st.state["namn"] = names
                st.steps_total = 3
                with open(output_dir + "/klasslista.txt", "w", encoding="utf-8") as f:
                    f.write("\n".join(names))
                st.keep("klasslista.txt")
                size = st.settings.get("gruppstorlek", 3)
                return [st.notice("%d elever" % len(names)),
                        st.step("dela", "Dela i grupper", [
                            {"name": "storlek", "kind": "integer", "label": "Gruppstorlek", "min": 2, "max": 6},
                            {"name": "isar", "kind": "several_choices", "label": "Isär", "options": names}],
                            values={"storlek": size, "isar": names[:2]}),
                        st.step("avbryt", "Avbryt", [])]
            """, "{}", new RunnerInput("elever.csv", "Namn\nÅsa Öberg\nBo Ek\nCia\n"u8.ToArray())) with { SettingsJson = """{"gruppstorlek": 4}""" });

        var output = outcome.Completion.Output;
        Assert.Equal(RunStatus.Succeeded, outcome.Completion.Status);
        Assert.Equal([OutputBlockKind.Notice, OutputBlockKind.Step, OutputBlockKind.Step], output.Blocks.Select(b => b.Kind));
        var steps = output.NextSteps.ToList();
        Assert.Equal(["dela", "avbryt"], steps.Select(s => s.Name));
        Assert.Equal(["Dela i grupper", "Avbryt"], steps.Select(s => s.Label));
        Assert.Equal(new InputField("storlek", FieldKind.Integer, "Gruppstorlek", Default: "4", Min: "2", Max: "6"), steps[0].Fields[0]);
        Assert.Equal(FieldKind.SeveralChoices, steps[0].Fields[1].Kind);
        Assert.Equal("Åsa Öberg\nBo Ek", steps[0].Fields[1].Default);
        Assert.Equal(["Åsa Öberg", "Bo Ek", "Cia"], steps[0].Fields[1].Choices);
        Assert.Empty(steps[1].Fields);
        using var state = JsonDocument.Parse(output.SessionStateJson!);
        Assert.Equal(["Åsa Öberg", "Bo Ek", "Cia"], state.RootElement.GetProperty("namn").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(["klasslista.txt"], output.KeptFiles);
        Assert.Equal(3, output.StepsTotal);
    }

    [Fact]
    public async Task The_next_step_gets_its_name_values_settings_state_and_the_session_files_read_only()
    {
        var outcome = await RunAsync(Job("""
            import skriptoteket as st
            def run_tool(input_path, output_dir):
                files = st.session_files()
                try:
                    open(files[0].path, "w").write("ändrat")
                    written = "skrev"
                except PermissionError:
                    written = "skrivskyddad"
                st.state["varv"] += 1
                return [st.notice("%s|%s|%s|%s|%s|%s" % (st.current_step, st.fields["storlek"], st.settings["ton"],
                                                         [(f.name, f.bytes) for f in files], open(files[0].path).read(), written))]
            """, """{"storlek": 2}""") with
        {
            CurrentStep = "dela",
            SettingsJson = """{"ton": "vänlig"}""",
            StateJson = """{"varv": 1, "namn": ["Åsa"]}""",
            SessionFiles = [new RunnerInput("klasslista.txt", Encoding.UTF8.GetBytes("Åsa"))],
        });

        var output = outcome.Completion.Output;
        Assert.Equal(RunStatus.Succeeded, outcome.Completion.Status);
        Assert.Equal("dela|2|vänlig|[('klasslista.txt', 4)]|Åsa|skrivskyddad", Assert.Single(output.Blocks).Text);
        Assert.Empty(output.NextSteps); // no step offered: the session ends
        using var state = JsonDocument.Parse(output.SessionStateJson!);
        Assert.Equal(2, state.RootElement.GetProperty("varv").GetInt32());
        Assert.Equal("Åsa", state.RootElement.GetProperty("namn")[0].GetString());
    }

    [Theory]
    [InlineData("st.state['stor'] = 'x' * 70000", "st.state är för stort för att sparas till nästa steg: 70012 byte, högst 65536 byte.")]
    [InlineData("st.state['elever'] = {'Åsa', 'Bo'}", "st.state kunde inte sparas: ett värde av typen set kan inte sparas som JSON")]
    [InlineData("st.state = ['inte', 'en', 'ordbok']", "st.state måste vara en ordbok (dict), men är list.")]
    public async Task A_state_that_cannot_be_kept_fails_the_run_with_a_message_for_the_teacher(string line, string message)
    {
        var outcome = await RunAsync(Job($"""
            import skriptoteket as st
            def run_tool(input_path, output_dir):
                {line}
                return [st.step("nasta", "Nästa", [])]
            """));

        var output = outcome.Completion.Output;
        Assert.Equal(RunStatus.Failed, outcome.Completion.Status);
        Assert.StartsWith(message, output.ErrorSummary);
        Assert.Null(output.SessionStateJson);
        Assert.Empty(output.NextSteps);
    }

    [Fact]
    public async Task A_forged_step_and_a_step_asking_for_a_file_become_warnings_beside_the_valid_step()
    {
        var outcome = await RunAsync(Job("""
            import skriptoteket as st
            def run_tool(input_path, output_dir):
                return [st.step("../etc", "Sökväg", []),
                        st.step("ladda", "Ladda upp", [{"name": "fil", "kind": "file", "label": "Fil"}]),
                        st.step("ok", "Ok", []), st.step("ok", "Igen", [])]
            """));

        var output = outcome.Completion.Output;
        Assert.Equal(RunStatus.Succeeded, outcome.Completion.Status);
        Assert.Equal(["ok"], output.NextSteps.Select(s => s.Name));
        var warnings = output.Blocks.Where(b => b.Kind == OutputBlockKind.Notice).Select(b => b.Text).ToList();
        Assert.Equal(3, warnings.Count);
        Assert.StartsWith("Steget \"../etc\" visas inte", warnings[0]);
        Assert.Contains("ett steg kan inte be om filer", warnings[1]);
        Assert.Contains("ett steg med samma namn finns redan", warnings[2]);
    }

    [Fact]
    public async Task A_script_written_before_sessions_keeps_no_state_and_offers_no_step()
    {
        var outcome = await RunAsync(Job("""
            import skriptoteket as st
            def run_tool(input_path, output_dir):
                with open(output_dir + "/a.txt", "w") as f:
                    f.write("a")
                return [st.notice(st.fields["klass"]), st.table(["Namn"], [["Ada"]])]
            """, """{"klass": "7B"}"""));

        var output = outcome.Completion.Output;
        Assert.Equal(RunStatus.Succeeded, outcome.Completion.Status);
        Assert.Equal([OutputBlockKind.Notice, OutputBlockKind.Table], output.Blocks.Select(b => b.Kind));
        Assert.Equal("7B", output.Blocks[0].Text);
        Assert.Empty(output.NextSteps);
        Assert.Null(output.SessionStateJson);
        Assert.Empty(output.KeptFiles);
        Assert.Null(output.StepsTotal);
        Assert.Equal("a.txt", Assert.Single(output.Artifacts).Name);
    }

    [Fact]
    public async Task St_pdf_writes_a_pdf_with_swedish_letters_as_an_artifact()
    {
        var outcome = await RunAsync(Job("""
            import pypdf
            import skriptoteket as st
            def run_tool(input_path, output_dir):
                path = st.pdf("<h1>Brev</h1><p>Åsa Öberg, 7B: närvaro 95 %.</p>", "Brev till Åsa Öberg")
                reader = pypdf.PdfReader(path)
                return [st.notice("%s|%d|%s" % (path, len(reader.pages), " ".join(reader.pages[0].extract_text().split())))]
            """));

        Assert.Equal(RunStatus.Succeeded, outcome.Completion.Status);
        Assert.Equal("/work/output/Brev_till_Asa_Oberg.pdf|1|Brev Åsa Öberg, 7B: närvaro 95 %.", Assert.Single(outcome.Completion.Output.Blocks).Text);
        var pdf = Assert.Single(outcome.Files);
        Assert.Equal("Brev_till_Asa_Oberg.pdf", pdf.Name);
        Assert.Equal("%PDF-"u8.ToArray(), pdf.Content[..5]);
    }
}
