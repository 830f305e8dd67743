using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Sessions;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Grains.Runs;

namespace Skriptoteket.Grains.Tests.Sessions;

/// <summary>
/// Opens tool sessions for grain tests: a published tool and a finished opening run (its row, its uploaded files as
/// session files) that offers <see cref="Choose"/>, announced to the session grain as the run grain would.
/// </summary>
internal sealed class SessionKit(ClusterFixture fixture)
{
    /// <summary>A step's script: a result and no further step, so a step's run ends the session.</summary>
    public const string EndingScript = """
        def run_tool(input_path, output_dir):
            return "<p>Grupperna är klara</p>"
        """;

    public static readonly NextStep Choose = new("valj_storlek", "Välj gruppstorlek",
        [new InputField("storlek", FieldKind.Integer, "Gruppstorlek", Required: true, Min: "2", Max: "10")]);

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    public sealed record Opened(ActingUser Teacher, Guid ToolId, Guid VersionId, string Key, Guid OpenerId)
    {
        public IToolSessionGrain Grain(IGrainFactory grains) => grains.GetGrain<IToolSessionGrain>(Key);
    }

    /// <summary>A file row of an opening run: its name, whether the script kept it (else an upload), its recorded size.</summary>
    public sealed record FileRow(string Name, bool Kept, long Bytes);

    /// <summary>
    /// A teacher's open session; <paramref name="state"/> the state the opening run kept, <paramref name="files"/> its
    /// uploads, <paramref name="more"/> further session files of the opening run, <paramref name="script"/> the tool's steps.
    /// </summary>
    public async Task<Opened> OpenAsync(string? state = null, int files = 1, IReadOnlyList<NextStep>? steps = null,
        ActingUser? teacher = null, IReadOnlyList<FileRow>? more = null, string script = EndingScript)
    {
        teacher ??= new ActingUser(Guid.NewGuid(), Role.User);
        var (toolId, versionId, _) = await ToolRows.InsertAsync(fixture.Database, script, Guid.NewGuid(), published: true);
        var key = ToolSessionKey.Production(toolId, teacher.UserId);
        var opener = await InsertOpeningRunAsync(teacher, toolId, versionId, state, files, steps);
        foreach (var file in more ?? [])
        {
            await fixture.Database.ScalarAsync<int>($"""
                INSERT INTO run_files (run_id, kind, name, size_bytes, content)
                VALUES ('{opener}', '{(file.Kept ? "session_kept" : "session_upload")}', '{file.Name}', {file.Bytes}, convert_to('Ada;Bo;Cai', 'UTF8'));
                SELECT 0
                """);
        }
        var session = fixture.Grains.GetGrain<IToolSessionGrain>(key);
        await session.RunFinishedAsync(opener);
        await Eventually.GetAsync(() => session.GetAsync(teacher), s => s.LatestRunId == opener, Patience);
        return new Opened(teacher, toolId, versionId, key, opener);
    }

    /// <summary>A finished production run that offers steps, as the run grain leaves it (row and session files).</summary>
    public async Task<Guid> InsertOpeningRunAsync(ActingUser teacher, Guid toolId, Guid versionId, string? state = null,
        int files = 1, IReadOnlyList<NextStep>? steps = null)
    {
        var runId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var output = RunOutput.None with
        {
            Blocks = [.. (steps ?? [Choose]).Select(s => new OutputBlock(OutputBlockKind.Step, s.Label, false) { Step = s })],
            SessionStateJson = state ?? """{"elever": ["Ada", "Bo", "Cai"]}""",
            StepsTotal = 3,
        };
        var run = new RunInfo(runId, RunKind.Production, RunStatus.Succeeded, toolId, versionId, teacher.UserId, null, output,
            [new RunInputInfo("klass.csv", 12)], now, now, now, null) { SessionKey = ToolSessionKey.Production(toolId, teacher.UserId) };
        await using var db = fixture.Database.CreateDataSource();
        await new RunStore(db).UpsertAsync(run, null);
        for (var i = 0; i < files; i++)
        {
            await fixture.Database.ScalarAsync<int>($"""
                INSERT INTO run_files (run_id, kind, name, size_bytes, content)
                VALUES ('{runId}', 'session_upload', 'klass{i}.csv', 12, convert_to('Ada;Bo;Cai', 'UTF8'));
                SELECT 0
                """);
        }
        return runId;
    }

    public Task<long> SessionFilesAsync(Guid runId) => fixture.Database.ScalarAsync<long>(
        $"SELECT count(*) FROM run_files WHERE run_id = '{runId}' AND kind IN ('session_upload', 'session_kept')");

    public Task<long> StepRunsAsync(string key) => fixture.Database.ScalarAsync<long>(
        $"SELECT count(*) FROM runs WHERE session_key = '{key}' AND step_name IS NOT NULL");

    public static StepRequest Step(Guid fromRunId, string values = """{"storlek": 3}""", string? startKey = null, string step = "valj_storlek") =>
        new(fromRunId, step, values, startKey ?? RunStartKey.NewKey());
}
