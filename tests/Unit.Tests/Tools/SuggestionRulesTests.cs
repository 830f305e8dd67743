using Skriptoteket.Grains.Abstractions.Errors;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Suggestions;
using Skriptoteket.Grains.Suggestions;

namespace Skriptoteket.Unit.Tests.Tools;

public sealed class SuggestionRulesTests
{
    [Theory]
    [InlineData(Role.User, false, false, false)]
    [InlineData(Role.Contributor, true, true, false)]
    [InlineData(Role.Admin, true, true, true)]
    [InlineData(Role.Superuser, true, true, true)]
    public void Role_matrix(Role role, bool submit, bool seeOwn, bool decide)
    {
        var actor = new ActingUser(Guid.NewGuid(), role);
        Assert.Equal(submit, SuggestionRules.CanSubmit(actor));
        Assert.Equal(seeOwn, SuggestionRules.CanSee(actor, actor.UserId));
        Assert.Equal(decide, SuggestionRules.CanSee(actor, Guid.NewGuid()));
        Assert.Equal(decide, SuggestionRules.CanDecide(actor));
    }

    [Theory]
    [InlineData(SuggestionStatus.Pending, SuggestionDecisionKind.Accept, "ok", false, null)]
    [InlineData(SuggestionStatus.Pending, SuggestionDecisionKind.Deny, "nej", false, null)]
    [InlineData(SuggestionStatus.Pending, SuggestionDecisionKind.Modify, "ändrad", true, null)]
    [InlineData(SuggestionStatus.Pending, SuggestionDecisionKind.Modify, "ändrad", false, ErrorCode.Validation)]
    [InlineData(SuggestionStatus.Pending, SuggestionDecisionKind.Accept, " ", false, ErrorCode.Validation)]
    [InlineData(SuggestionStatus.Accepted, SuggestionDecisionKind.Deny, "nej", false, ErrorCode.Conflict)]
    [InlineData(SuggestionStatus.Denied, SuggestionDecisionKind.Accept, "ja", false, ErrorCode.Conflict)]
    public void A_suggestion_is_decided_once_with_a_rationale(SuggestionStatus status, SuggestionDecisionKind kind, string rationale,
        bool withFields, ErrorCode? expected)
    {
        var decision = new SuggestionDecision(kind, rationale, withFields ? new SuggestionDraft("t", "d", ["larare"], ["ovrigt"]) : null);
        var ex = Record.Exception(() => SuggestionRules.EnsureCanDecide(status, decision));
        Assert.Equal(expected, (ex as DomainException)?.Code);
    }
}
