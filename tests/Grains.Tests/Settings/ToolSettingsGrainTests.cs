using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Sessions;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;
using Skriptoteket.Grains.Tests.Tools;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Grains.Tests.Settings;

/// <summary>
/// Per-person tool settings on the real cluster and PostgreSQL: only the owner reaches them, values are checked by
/// the run's field-value rules, values a newer declaration no longer fits are dropped and told once, and a run that
/// needs a setting nobody saved is refused before anything starts.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ToolSettingsGrainTests(ClusterFixture fixture)
{
    private const string Script = "def run_tool(input_path, output_dir):\n    return '<p>Klar</p>'\n";

    private static readonly IReadOnlyList<InputField> FirstSettings =
    [
        new InputField("signatur", FieldKind.ShortText, "Signatur", Max: "20"),
        new InputField("niva", FieldKind.OneChoice, "Nivå", Default: "A", Options: ["A", "B", "C"]),
        new InputField("antal", FieldKind.Integer, "Antal", Default: "3", Min: "1", Max: "10"),
        new InputField("rubrik", FieldKind.YesNo, "Visa rubrik", Default: "true"),
    ];

    [Fact]
    public async Task Saved_values_are_checked_by_the_run_rules_and_read_back_with_the_defaults_filled_in()
    {
        var (tool, version, kit) = await PublishedAsync(FirstSettings);
        var mine = Settings(tool, kit.User);

        var refused = await ToolTestKit.Refused(ErrorCode.Validation,
            () => mine.SaveAsync(kit.User, version, """{"niva": "D", "antal": 11, "okand": 1}"""));
        Assert.Equal(["Fältet \"okand\" finns inte i verktyget.", "Nivå: \"D\" finns inte bland alternativen.", "Antal: högst 10."],
            FieldValueRules.ProblemsOf(refused).Select(p => p.Message));

        var saved = await mine.SaveAsync(kit.User, version, """{"signatur": " AB ", "antal": "7", "niva": ""}""");
        var read = await mine.GetAsync(kit.User, version);

        const string expected = """{"signatur":"AB","niva":"A","antal":7,"rubrik":true}""";
        Assert.Equal(expected, saved.ValuesJson);
        Assert.Equal(expected, read.ValuesJson);
        Assert.Equal(["signatur", "niva", "antal", "rubrik"], read.Declaration.Select(s => s.Name));
        Assert.Empty(read.Dropped);
    }

    [Fact]
    public async Task Only_the_owner_reaches_them_and_only_for_a_version_they_may_use()
    {
        var (tool, version, kit) = await PublishedAsync(FirstSettings);
        var draft = await tool.CreateDraftAsync(kit.Admin, version);

        // Someone else's settings, a version of another tool, a draft of this one: all "not found".
        await ToolTestKit.Refused(ErrorCode.NotFound, () => Settings(tool, kit.User).GetAsync(kit.Contributor, version));
        await ToolTestKit.Refused(ErrorCode.NotFound, () => Settings(tool, kit.User).SaveAsync(kit.Admin, version, "{}"));
        await ToolTestKit.Refused(ErrorCode.NotFound, () => Settings(tool, kit.User).GetAsync(kit.User, draft.Id));
        var (otherTool, _, _) = await PublishedAsync(FirstSettings);
        await ToolTestKit.Refused(ErrorCode.NotFound, () => Settings(otherTool, kit.User).GetAsync(kit.User, version));
        // Sandbox settings are for those who may sandbox-run the version: the author (here an admin), not a teacher.
        await ToolTestKit.Refused(ErrorCode.NotFound, () => Settings(tool, kit.User, sandbox: true).GetAsync(kit.User, version));
        Assert.Equal(4, (await Settings(tool, kit.Admin, sandbox: true).GetAsync(kit.Admin, draft.Id)).Declaration.Count);
    }

    [Fact]
    public async Task Sandbox_settings_are_apart_from_production_ones()
    {
        var (tool, version, kit) = await PublishedAsync(FirstSettings);

        await Settings(tool, kit.Admin, sandbox: true).SaveAsync(kit.Admin, version, """{"signatur": "Prov"}""");
        await Settings(tool, kit.Admin).SaveAsync(kit.Admin, version, """{"signatur": "Skarp"}""");

        Assert.Contains("\"Prov\"", (await Settings(tool, kit.Admin, sandbox: true).GetAsync(kit.Admin, version)).ValuesJson);
        Assert.Contains("\"Skarp\"", (await Settings(tool, kit.Admin).GetAsync(kit.Admin, version)).ValuesJson);
    }

    [Fact]
    public async Task Values_a_new_declaration_no_longer_fits_are_dropped_and_named_once()
    {
        var (tool, first, kit) = await PublishedAsync(FirstSettings);
        var mine = Settings(tool, kit.User);
        await mine.SaveAsync(kit.User, first, """{"signatur": "AB", "niva": "C", "antal": 8, "rubrik": false}""");

        // Version 2: "signatur" gone, "C" no longer a choice, at most 5, "rubrik" now a text: nothing saved fits any more.
        var second = await PublishNextAsync(tool, kit, first,
        [
            new InputField("niva", FieldKind.OneChoice, "Nivå", Default: "A", Options: ["A", "B"]),
            new InputField("antal", FieldKind.Integer, "Antal", Default: "3", Min: "1", Max: "5"),
            new InputField("rubrik", FieldKind.ShortText, "Rubrik"),
            new InputField("ny", FieldKind.Integer, "Ny", Default: "1"),
        ]);

        // A run meets the new version first: it gets what still fits, and the page is still told afterwards.
        Assert.Equal("""{"niva":"A","antal":3,"rubrik":null,"ny":1}""", await mine.ForRunAsync(kit.User, second));
        var told = await mine.GetAsync(kit.User, second);
        Assert.Equal(["Antal", "Nivå", "Signatur", "Visa rubrik"], told.Dropped.Order(StringComparer.Ordinal));
        Assert.Equal("""{"niva":"A","antal":3,"rubrik":null,"ny":1}""", told.ValuesJson);
        Assert.Empty((await mine.GetAsync(kit.User, second)).Dropped);
    }

    [Fact]
    public async Task A_value_that_still_fits_is_kept_and_only_the_others_are_named()
    {
        var (tool, first, kit) = await PublishedAsync(FirstSettings);
        var mine = Settings(tool, kit.User);
        await mine.SaveAsync(kit.User, first, """{"signatur": "AB", "niva": "B"}""");

        var second = await PublishNextAsync(tool, kit, first, [.. FirstSettings.Skip(1)]);
        var read = await mine.GetAsync(kit.User, second);

        Assert.Equal(["Signatur"], read.Dropped);
        Assert.Equal("""{"niva":"B","antal":3,"rubrik":true}""", read.ValuesJson);
    }

    [Fact]
    public async Task A_run_needing_a_setting_nobody_saved_is_refused_before_it_starts_and_runs_once_it_is_saved()
    {
        var (tool, version, kit) = await PublishedAsync([new InputField("skola", FieldKind.ShortText, "Skolans namn", Required: true)]);
        var slug = (await tool.GetAsync(kit.Admin)).Metadata.Slug;
        var runId = Guid.NewGuid();

        var refused = await ToolTestKit.Refused(ErrorCode.Validation,
            () => fixture.Grains.GetGrain<IRunGrain>(runId).StartAsync(RunRequest.Production(slug, kit.User, [])));

        Assert.Equal("Settings.Missing", refused.Key);
        Assert.Contains("Skolans namn", refused.Message);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM runs WHERE id = '{runId}'"));
        await Settings(tool, kit.User).SaveAsync(kit.User, version, """{"skola": "Ekskolan"}""");
        var grain = fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid());
        await grain.StartAsync(RunRequest.Production(slug, kit.User, []));
        Assert.Equal(RunStatus.Succeeded, (await (await RunGrainTests.WatchAsync(fixture, grain, kit.User)).FinishedAsync()).Status);
    }

    private IToolSettingsGrain Settings(IToolGrain tool, ActingUser user, bool sandbox = false) =>
        fixture.Grains.GetGrain<IToolSettingsGrain>(ToolSettingsKey.For(tool.GetPrimaryKey(), user.UserId, sandbox));

    private async Task<(IToolGrain Tool, Guid Version, ToolTestKit Kit)> PublishedAsync(IReadOnlyList<InputField> settings)
    {
        var kit = new ToolTestKit(fixture);
        var tool = await kit.NewToolAsync();
        var draft = await tool.CreateDraftAsync(kit.Admin, null);
        var saved = await tool.SaveAsync(kit.Admin, new SaveVersionCommand(draft.Id, Script, null, null, new ToolInputs([], new FileInputs(0, 1), settings)));
        await tool.SubmitForReviewAsync(kit.Admin, saved.Id, null);
        var active = await tool.PublishVersionAsync(kit.OtherAdmin, saved.Id);
        await tool.PublishAsync(kit.Admin);
        return (tool, active.Id, kit);
    }

    private static async Task<Guid> PublishNextAsync(IToolGrain tool, ToolTestKit kit, Guid from, IReadOnlyList<InputField> settings)
    {
        var draft = await tool.CreateDraftAsync(kit.Admin, from);
        var saved = await tool.SaveAsync(kit.Admin, new SaveVersionCommand(draft.Id, Script, null, "Nya inställningar", new ToolInputs([], new FileInputs(0, 1), settings)));
        await tool.SubmitForReviewAsync(kit.Admin, saved.Id, null);
        return (await tool.PublishVersionAsync(kit.OtherAdmin, saved.Id)).Id;
    }
}
