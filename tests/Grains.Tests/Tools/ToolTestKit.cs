using Skriptoteket.Grains.Abstractions.Errors;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Tools;

namespace Skriptoteket.Grains.Tests.Tools;

/// <summary>Fresh people of every role and a fresh tool per test.</summary>
internal sealed class ToolTestKit(ClusterFixture fixture)
{
    public ActingUser Superuser { get; } = new(Guid.NewGuid(), Role.Superuser);
    public ActingUser Admin { get; } = new(Guid.NewGuid(), Role.Admin);
    public ActingUser OtherAdmin { get; } = new(Guid.NewGuid(), Role.Admin);
    public ActingUser Contributor { get; } = new(Guid.NewGuid(), Role.Contributor);
    public ActingUser OtherContributor { get; } = new(Guid.NewGuid(), Role.Contributor);
    public ActingUser User { get; } = new(Guid.NewGuid(), Role.User);

    public IToolGrain Tool(Guid id) => fixture.Grains.GetGrain<IToolGrain>(id);

    public static ToolMetadata Metadata(string? slug = null) => new(
        slug ?? "verktyg-" + Guid.NewGuid().ToString("N")[..12],
        "Klasslista",
        "Visar en klasslista som tabell",
        "Ladda upp en **CSV-fil**.",
        ["larare"],
        ["administration"]);

    public async Task<IToolGrain> NewToolAsync(ToolMetadata? metadata = null)
    {
        var tool = Tool(Guid.NewGuid());
        await tool.CreateAsync(Admin, metadata ?? Metadata(), null);
        return tool;
    }

    /// <summary>A tool with an active version 3 (draft 1 → in_review → archived; active copy 2... see body).</summary>
    public async Task<(IToolGrain Tool, ToolVersionHeader Active)> NewToolWithActiveAsync(ActingUser author)
    {
        var tool = await NewToolAsync();
        var draft = await tool.CreateDraftAsync(author, null);
        await tool.SubmitForReviewAsync(author, draft.Id, null);
        var active = await tool.PublishVersionAsync(Admin, draft.Id);
        return (tool, active);
    }

    public static async Task<DomainException> Refused(ErrorCode code, Func<Task> action)
    {
        var ex = await Assert.ThrowsAsync<DomainException>(action);
        Assert.Equal(code, ex.Code);
        return ex;
    }
}
