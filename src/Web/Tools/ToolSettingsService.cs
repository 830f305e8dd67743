using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Sessions;

namespace Skriptoteket.Web.Tools;

/// <summary>
/// The way of the API and the pages to a person's tool settings (IToolSettingsGrain): production settings for a
/// published tool's active version by slug, sandbox settings for a version the person may sandbox-run. The grain
/// checks who may reach what; this only finds the tool and version.
/// </summary>
public sealed class ToolSettingsService(IGrainFactory grains)
{
    public async Task<ToolSettingsInfo> GetAsync(ActingUser user, string slug)
    {
        var tool = await PublishedAsync(slug);
        return await Production(tool, user).GetAsync(user, tool.ActiveVersionId);
    }

    public async Task<ToolSettingsInfo> SaveAsync(ActingUser user, string slug, string? valuesJson)
    {
        var tool = await PublishedAsync(slug);
        return await Production(tool, user).SaveAsync(user, tool.ActiveVersionId, valuesJson ?? "{}");
    }

    public async Task<ToolSettingsInfo> GetSandboxAsync(ActingUser user, Guid versionId) =>
        await (await SandboxAsync(user, versionId)).GetAsync(user, versionId);

    public async Task<ToolSettingsInfo> SaveSandboxAsync(ActingUser user, Guid versionId, string? valuesJson) =>
        await (await SandboxAsync(user, versionId)).SaveAsync(user, versionId, valuesJson ?? "{}");

    private IToolSettingsGrain Production(PublishedTool tool, ActingUser user) =>
        grains.GetGrain<IToolSettingsGrain>(ToolSettingsKey.For(tool.Id, user.UserId, sandbox: false));

    private async Task<IToolSettingsGrain> SandboxAsync(ActingUser user, Guid versionId) =>
        await grains.GetGrain<ICatalogGrain>(0).FindToolOfVersionAsync(user, versionId) is { } toolId
            ? grains.GetGrain<IToolSettingsGrain>(ToolSettingsKey.For(toolId, user.UserId, sandbox: true))
            : throw DomainException.NotFound("Versionen");

    private async Task<PublishedTool> PublishedAsync(string slug) =>
        await grains.GetGrain<ICatalogGrain>(0).FindPublishedToolAsync(slug) ?? throw DomainException.NotFound("Verktyget");
}
