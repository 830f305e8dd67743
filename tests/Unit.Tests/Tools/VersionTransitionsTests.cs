using Skriptoteket.Grains.Abstractions.Errors;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Tools;

namespace Skriptoteket.Unit.Tests.Tools;

/// <summary>Every version state against every transition: legal, stale (CONFLICT) or never legal (VALIDATION).</summary>
public sealed class VersionTransitionsTests
{
    private static ToolVersionHeader Version(VersionState state, bool head = true, bool wasActive = false) => new(
        Guid.NewGuid(), Guid.NewGuid(), 1, state, null, "run_tool", new string('0', 64), "", null, Guid.NewGuid(),
        DateTimeOffset.UnixEpoch, null, null, null, wasActive ? DateTimeOffset.UnixEpoch : null, head);

    private static ErrorCode? Outcome(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (DomainException ex)
        {
            return ex.Code;
        }
    }

    public static TheoryData<VersionState, bool, ErrorCode?> SaveAndSubmit => new()
    {
        { VersionState.Draft, true, null },
        { VersionState.Draft, false, ErrorCode.Conflict },
        { VersionState.InReview, false, ErrorCode.Conflict },
        { VersionState.Active, false, ErrorCode.Validation },
        { VersionState.Archived, false, ErrorCode.Validation },
    };

    [Theory]
    [MemberData(nameof(SaveAndSubmit))]
    public void Save_and_submit_need_a_head_draft(VersionState state, bool head, ErrorCode? expected)
    {
        Assert.Equal(expected, Outcome(() => VersionTransitions.EnsureCanSave(Version(state, head))));
        Assert.Equal(expected, Outcome(() => VersionTransitions.EnsureCanSubmit(Version(state, head))));
    }

    [Theory]
    [InlineData(VersionState.Draft, ErrorCode.Conflict)]
    [InlineData(VersionState.InReview, null)]
    [InlineData(VersionState.Active, ErrorCode.Conflict)]
    [InlineData(VersionState.Archived, ErrorCode.Conflict)]
    public void Publish_and_request_changes_need_a_version_in_review(VersionState state, ErrorCode? expected) =>
        Assert.Equal(expected, Outcome(() => VersionTransitions.EnsureInReview(Version(state, head: false))));

    [Theory]
    [InlineData(VersionState.Archived, true, null)]
    [InlineData(VersionState.Archived, false, ErrorCode.Validation)]
    [InlineData(VersionState.Active, true, ErrorCode.Validation)]
    [InlineData(VersionState.Draft, false, ErrorCode.Validation)]
    [InlineData(VersionState.InReview, false, ErrorCode.Validation)]
    public void Rollback_targets_only_formerly_active_archived_records(VersionState state, bool wasActive, ErrorCode? expected) =>
        Assert.Equal(expected, Outcome(() => VersionTransitions.EnsureCanRollbackTo(Version(state, false, wasActive))));

    [Fact]
    public void A_tool_is_published_only_with_an_active_version()
    {
        Assert.Equal(ErrorCode.Validation, Outcome(() => VersionTransitions.EnsureCanPublishTool(null)));
        Assert.Null(Outcome(() => VersionTransitions.EnsureCanPublishTool(Guid.NewGuid())));
    }
}
