using Npgsql;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Abstractions.Tools.Examples;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Silo.Bootstrap;

/// <summary>
/// With <c>Installation:LoadExampleTools=true</c> (never by default), publishes the shipped example tools once:
/// each goes through the ordinary tool grain (created, saved, reviewed and published by the first superuser, so
/// the audit log shows it) unless a tool with its slug exists. Runs after the silo is up, like
/// <see cref="InstallationStartRecorder"/>; a failure is logged and the host goes on.
/// </summary>
internal sealed class ExampleToolsLoader(
    IGrainFactory grains,
    NpgsqlDataSource db,
    IConfiguration configuration,
    ILogger<ExampleToolsLoader> logger) : IHostedService
{
    public const string Setting = "Installation:LoadExampleTools";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>(Setting))
        {
            return;
        }
        await using var find = db.CreateCommand("SELECT id FROM users WHERE role = 'superuser' ORDER BY created_at LIMIT 1");
        if (await find.ExecuteScalarAsync(cancellationToken) is not Guid superuser)
        {
            logger.LogError("{Setting} is on but there is no superuser to publish the example tools as", Setting);
            return;
        }
        var actor = new ActingUser(superuser, Role.Superuser);
        foreach (var tool in ExampleTool.LoadAll())
        {
            try
            {
                await LoadAsync(actor, tool, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Example tool {Slug} could not be loaded", tool.Slug);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task LoadAsync(ActingUser actor, ExampleTool tool, CancellationToken cancellationToken)
    {
        await using var exists = db.CreateCommand("SELECT EXISTS (SELECT 1 FROM tools WHERE slug = @slug)");
        exists.Parameters.AddWithValue("slug", tool.Slug);
        if ((bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
        {
            logger.LogInformation("Example tool {Slug} already exists; left as it is", tool.Slug);
            return;
        }
        var grain = grains.GetGrain<IToolGrain>(Guid.NewGuid());
        await grain.CreateAsync(actor, new ToolMetadata(tool.Slug, tool.Title, tool.Summary, tool.UsageMarkdown,
            tool.Professions, tool.Categories), null);
        // Its first version holds the shipped script (no starter draft saved over, left behind as "v1 Utkast").
        var saved = await grain.CreateDraftWithAsync(actor, ExampleToolCommands.Draft(tool));
        // Examples are attached without expected results: their first checks run in the background at submit, and an
        // admin accepts a result in the studio (docs/adr/0012-worked-examples.md), so loading never waits for Docker.
        var examples = grains.GetGrain<IToolExamplesGrain>(grain.GetPrimaryKey());
        foreach (var example in tool.Examples)
        {
            await examples.AddAsync(actor, example);
        }
        await grain.SubmitForReviewAsync(actor, saved.Id, "Exempelverktyg som följer med Skriptoteket.");
        await grain.PublishVersionAsync(actor, saved.Id, tool.Examples.Count == 0 ? null : ExampleToolCommands.ExamplesNote);
        await grain.PublishAsync(actor);
        logger.LogInformation("Example tool {Slug} published", tool.Slug);
    }
}

/// <summary>The first version of an example tool: its source and its declaration of fields and files (tool.json "inputs").</summary>
internal static class ExampleToolCommands
{
    /// <summary>The publishing note of a shipped tool: its examples' first checks may still run, and none has an expected result.</summary>
    public const string ExamplesNote = "Exempelverktyg som följer med Skriptoteket: exemplen har ännu inget förväntat resultat.";

    public static DraftContent Draft(ExampleTool tool) =>
        new(tool.Source, "run_tool", "Exempelverktyg", tool.InputsJson is null ? null : ToolInputsJson.Read(tool.InputsJson));
}
