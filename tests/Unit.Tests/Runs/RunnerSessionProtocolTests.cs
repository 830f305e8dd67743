using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Sessions;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Unit.Tests.Runs;

/// <summary>
/// The host's side of runner protocol v3 (runner-image/PROTOCOL.md, "Version 3"): what a job carries for a session's
/// step, and the host's own check of a result a forged wrapper wrote, so steps, state and kept files that the real
/// wrapper would have refused never reach a session.
/// </summary>
public sealed class RunnerSessionProtocolTests
{
    private static readonly ExecutionOptions Options = new();

    private static RunOutput Read(object result, params (string Name, byte[] Content)[] artifacts) =>
        ReadOutcome(result, artifacts).Completion.Output;

    private static RunnerOutcome ReadOutcome(object result, params (string Name, byte[] Content)[] artifacts)
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            void Add(string name, byte[] content) =>
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
            // Raw text where the forgery is one JsonSerializer would not write (a lone surrogate's escape).
            Add("result.json", result is string raw ? Encoding.UTF8.GetBytes(raw) : JsonSerializer.SerializeToUtf8Bytes(result));
            Add("stdout.txt", []);
            Add("stderr.txt", []);
            foreach (var (name, content) in artifacts)
            {
                Add("artifacts/" + name, content);
            }
        }
        tar.Position = 0;
        return RunnerResultTar.Read(tar, Options, Guid.NewGuid())!;
    }

    private static object Step(string name, params object[] fields) => new { kind = "step", name, label = "Gå vidare", fields };

    [Fact]
    public void A_job_is_version_3_with_settings_current_step_state_and_the_session_files()
    {
        var job = new RunnerJob(Guid.NewGuid(), "x = 1\n", "run_tool", [new RunnerInput("elever.csv", "a"u8.ToArray())], 30,
            """{"storlek": 3}""")
        {
            SettingsJson = """{"ton": "vänlig"}""",
            CurrentStep = "dela",
            StateJson = """{"namn": ["Åsa", "Bo"]}""",
            SessionFiles = [new RunnerInput("klasslista.txt", "Åsa"u8.ToArray())],
        };

        var (jobJson, files) = Unpack(RunnerJobTar.Build(job, Options));

        Assert.Equal(3, jobJson.GetProperty("version").GetInt32());
        Assert.Equal("dela", jobJson.GetProperty("current_step").GetString());
        Assert.Equal("vänlig", jobJson.GetProperty("settings").GetProperty("ton").GetString());
        Assert.Equal("Bo", jobJson.GetProperty("state").GetProperty("namn")[1].GetString());
        Assert.Equal(3, jobJson.GetProperty("fields").GetProperty("storlek").GetInt32());
        Assert.Equal(SessionLimits.MaxStateBytes, jobJson.GetProperty("caps").GetProperty("state_bytes").GetInt32());
        Assert.Equal(["job.json", "script.py", "input/elever.csv", "session/klasslista.txt"], files.Keys);
        Assert.Equal("Åsa", Encoding.UTF8.GetString(files["session/klasslista.txt"]));
    }

    [Fact]
    public void A_first_run_has_no_current_step_and_an_empty_state_and_settings()
    {
        var (jobJson, files) = Unpack(RunnerJobTar.Build(new RunnerJob(Guid.NewGuid(), "", "run_tool", [], 30), Options));

        Assert.Equal(JsonValueKind.Null, jobJson.GetProperty("current_step").ValueKind);
        Assert.Empty(jobJson.GetProperty("state").EnumerateObject());
        Assert.Empty(jobJson.GetProperty("settings").EnumerateObject());
        Assert.DoesNotContain(files.Keys, k => k.StartsWith("session/", StringComparison.Ordinal));
    }

    [Fact]
    public void Step_blocks_become_next_steps_with_their_forms_checked_by_the_declaration_rules()
    {
        var output = Read(new
        {
            version = 3, status = "succeeded", html = "", state = new { namn = new[] { "Åsa" } }, kept = Array.Empty<string>(),
            blocks = new object[]
            {
                new { kind = "notice", level = "info", text = "Klart" },
                Step("dela", new { name = "storlek", kind = "integer", label = "Gruppstorlek", min = "2", max = "6", @default = "3" },
                    new { name = "isar", kind = "several_choices", label = "Isär", options = new[] { "Åsa", "Bo" } }),
                Step("avbryt"),
            },
        });

        Assert.Equal([OutputBlockKind.Notice, OutputBlockKind.Step, OutputBlockKind.Step], output.Blocks.Select(b => b.Kind));
        var steps = output.NextSteps.ToList();
        Assert.Equal(["dela", "avbryt"], steps.Select(s => s.Name));
        Assert.Equal("Gå vidare", output.Blocks[1].Text);
        var size = steps[0].Fields[0];
        Assert.Equal(new InputField("storlek", FieldKind.Integer, "Gruppstorlek", Default: "3", Min: "2", Max: "6"), size with { Options = null });
        Assert.Equal(["Åsa", "Bo"], steps[0].Fields[1].Choices);
        Assert.Empty(steps[1].Fields);
        Assert.Equal("Åsa", JsonDocument.Parse(output.SessionStateJson!).RootElement.GetProperty("namn")[0].GetString());
    }

    [Fact]
    public void Forged_steps_become_warning_notices_and_never_next_steps()
    {
        var text = new { name = "t", kind = "short_text", label = "T" };
        var blocks = new List<object>
        {
            Step("ett", text),
            Step("ett"),                                                                  // duplicate
            Step("../../etc"),                                                            // not an identifier
            Step(new string('x', 41)),                                                    // too long
            Step("fil", new { name = "f", kind = "file", label = "Fil" }),                 // files are not a field kind
            Step("utan_typ", new { name = "f", label = "Fil" }),                          // no kind
            Step("grans", new { name = "n", kind = "integer", label = "N", min = "5", max = "1" }),
            Step("okand", new { name = "n", kind = "integer", label = "N", extra = "<script>" }),
            new { kind = "step", name = "etikett", label = "två\nrader", fields = Array.Empty<object>() },
        };
        blocks.AddRange(Enumerable.Range(1, SessionLimits.MaxNextSteps).Select(i => Step("s" + i)));

        var output = Read(new { version = 3, status = "succeeded", html = "", blocks });

        Assert.Equal(["ett", .. Enumerable.Range(1, SessionLimits.MaxNextSteps - 1).Select(i => "s" + i)], output.NextSteps.Select(s => s.Name));
        var warnings = output.Blocks.Where(b => b.Kind == OutputBlockKind.Notice).ToList();
        Assert.All(warnings, w => Assert.Equal(NoticeLevel.Warning, w.Level));
        Assert.Equal(9, warnings.Count);
        Assert.Contains("ett steg med samma namn finns redan", warnings[0].Text);
        Assert.StartsWith("Steget \"../../etc\" visas inte: namnet måste vara", warnings[1].Text);
        Assert.Contains("ett steg kan inte be om filer", warnings[3].Text);
        Assert.Contains("fält 1 är inte ett fält som i inputs.json", warnings[6].Text);
        Assert.Contains("saknar en fälttyp", warnings[4].Text);
        Assert.Contains("minsta värdet är större än det största", warnings[5].Text);
        Assert.Contains("etiketten måste vara en rad", warnings[7].Text);
        Assert.Equal($"Steget \"s{SessionLimits.MaxNextSteps}\" visas inte: högst {SessionLimits.MaxNextSteps} steg per körning.", warnings[8].Text);
        Assert.DoesNotContain(output.Blocks, b => b.Text.Contains("<script>") || b.Step?.Fields.Any(f => f.Label.Contains('<')) == true);
    }

    [Theory]
    [InlineData("too large")]
    [InlineData("not an object")]
    [InlineData("NUL")]
    [InlineData("lone surrogate")]
    public void A_forged_state_the_wrapper_would_refuse_fails_the_run_and_keeps_nothing(string how)
    {
        object state = how switch
        {
            "too large" => new { stor = new string('x', SessionLimits.MaxStateBytes) },
            "not an object" => new[] { 1, 2 },
            _ => new { a = "x\0y" },
        };
        var content = "a"u8.ToArray();
        var result = JsonSerializer.Serialize(new
        {
            version = 3, status = "succeeded", html = "", state, kept = new[] { "lista.txt" }, steps_total = 3,
            artifacts = new[] { new { name = "lista.txt", bytes = 1, sha256 = Convert.ToHexStringLower(SHA256.HashData(content)) } },
            blocks = new object[] { Step("nasta") },
        });
        if (how == "lone surrogate")
        {
            result = result.Replace(@"x\u0000y", @"x\ud800y", StringComparison.Ordinal);
            Assert.Contains(@"x\ud800y", result);
        }
        var outcome = ReadOutcome(result, ("lista.txt", content));

        var output = outcome.Completion.Output;
        Assert.Equal(RunStatus.Failed, outcome.Completion.Status);
        Assert.Equal(RunnerResultSession.StateRefused, output.ErrorSummary);
        Assert.Null(output.SessionStateJson);
        Assert.Empty(output.NextSteps);
        Assert.Empty(output.KeptFiles);
        Assert.Null(output.StepsTotal);
    }

    [Fact]
    public void Kept_files_are_only_accepted_artifacts_and_steps_total_is_bounded()
    {
        var content = "a"u8.ToArray();
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var output = Read(new
        {
            version = 3, status = "succeeded", html = "", state = new { }, steps_total = 101,
            kept = new object[] { "lista.txt", "../../etc/passwd", "lista.txt", 7, "saknas.txt" },
            artifacts = new[] { new { name = "lista.txt", bytes = 1, sha256 = sha } },
        }, ("lista.txt", content));

        Assert.Equal(["lista.txt"], output.KeptFiles);
        Assert.Null(output.StepsTotal);
        Assert.Null(output.SessionStateJson); // an empty state is no state
        Assert.Equal(3, Read(new { version = 3, status = "succeeded", html = "", steps_total = 3 }).StepsTotal);
    }

    [Fact]
    public void A_failed_run_keeps_no_state_files_or_steps_total()
    {
        var output = Read(new
        {
            version = 3, status = "failed", html = "", error_kind = "user", error_summary = "Fel", state = new { a = 1 },
            kept = new[] { "x.txt" }, steps_total = 3,
        });

        Assert.Equal("Fel", output.ErrorSummary);
        Assert.Null(output.SessionStateJson);
        Assert.Empty(output.KeptFiles);
        Assert.Null(output.StepsTotal);
    }

    private static (JsonElement Job, Dictionary<string, byte[]> Files) Unpack(byte[] tar)
    {
        var files = new Dictionary<string, byte[]>();
        using var reader = new TarReader(new MemoryStream(tar));
        while (reader.GetNextEntry() is { } entry)
        {
            using var data = new MemoryStream();
            entry.DataStream?.CopyTo(data);
            files[entry.Name] = data.ToArray();
        }
        return (JsonDocument.Parse(files["job.json"]).RootElement.Clone(), files);
    }
}
