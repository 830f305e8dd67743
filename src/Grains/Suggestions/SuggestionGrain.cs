using Microsoft.Extensions.Logging;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Suggestions;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Abstractions.Validation;
using Skriptoteket.Grains.Audit;
using Skriptoteket.Grains.Catalog;
using Skriptoteket.Grains.Persistence;

namespace Skriptoteket.Grains.Suggestions;

/// <summary>One suggestion: submitted once, decided once. Accepting creates the draft tool under the suggestion's id.</summary>
internal sealed class SuggestionGrain(
    [PersistentState("suggestion", StorageNames.Store)] IPersistentState<SuggestionState> state,
    SuggestionProjection projection,
    TaxonomyReader taxonomy,
    IAuditLog audit,
    TimeProvider time,
    RowLag lag,
    ILogger<SuggestionGrain> logger) : Grain, ISuggestionGrain
{
    private const string ConflictMessage = "Förslaget ändrades samtidigt av någon annan. Ladda om och försök igen.";

    private RowKeeper<SuggestionState>? rows;

    private Guid Id => this.GetPrimaryKey();

    private RowKeeper<SuggestionState> Rows => rows ??= new(this, state, lag, $"suggestion/{Id}",
        s => projection.WriteAsync(Id, s), s => s.Healed(), ConflictMessage, logger);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Exists)
        {
            await Rows.RepairOnActivationAsync();
        }
    }

    public async Task<SuggestionInfo> SubmitAsync(ActingUser actor, SuggestionDraft draft)
    {
        if (!SuggestionRules.CanSubmit(actor))
        {
            throw DomainException.Forbidden();
        }
        if (state.State.Exists)
        {
            throw DomainException.Conflict("Förslaget finns redan.", "Suggestion.Exists");
        }
        var lists = await taxonomy.ReadAsync();
        var valid = SuggestionRules.Validate(draft, lists.Professions.Select(p => p.Slug).ToHashSet(),
            lists.Categories.Select(c => c.Slug).ToHashSet());
        var now = time.GetUtcNow();
        var next = new SuggestionState
        {
            Exists = true,
            Draft = valid,
            Status = SuggestionStatus.Pending,
            SubmittedBy = actor.UserId,
            SubmittedAt = now,
            History = [new SuggestionEvent("submitted", actor.UserId, now, null)],
        };
        await CommitAsync(next, actor, "suggestion.submitted");
        return ToInfo(next);
    }

    public Task<SuggestionInfo> GetAsync(ActingUser actor)
    {
        EnsureVisible(actor);
        return Task.FromResult(ToInfo(state.State));
    }

    public async Task<SuggestionInfo> DecideAsync(ActingUser actor, SuggestionDecision decision)
    {
        EnsureVisible(actor);
        if (!SuggestionRules.CanDecide(actor))
        {
            throw DomainException.Forbidden();
        }
        var rationale = SuggestionRules.EnsureCanDecide(state.State.Status, decision);
        var next = state.State.Clone();
        if (decision.Kind == SuggestionDecisionKind.Modify)
        {
            var lists = await taxonomy.ReadAsync();
            next.Draft = SuggestionRules.Validate(decision.Modified!, lists.Professions.Select(p => p.Slug).ToHashSet(),
                lists.Categories.Select(c => c.Slug).ToHashSet());
        }
        var now = time.GetUtcNow();
        next.Decision = decision.Kind;
        next.Rationale = rationale;
        next.DecidedBy = actor.UserId;
        next.DecidedAt = now;
        next.Status = decision.Kind == SuggestionDecisionKind.Deny ? SuggestionStatus.Denied : SuggestionStatus.Accepted;
        next.History.Add(new SuggestionEvent(SuggestionRules.DecisionName(decision.Kind), actor.UserId, now, next.Rationale));
        if (next.Status == SuggestionStatus.Accepted)
        {
            // The tool is created first under this suggestion's id: a retry after a failed state write finds it.
            var slug = await projection.FreeSlugAsync(SlugProposal.FromTitle(next.Draft.Title));
            var summary = TextRules.Truncate(next.Draft.Description, TextLimits.Summary);
            var metadata = new ToolMetadata(slug, next.Draft.Title, summary, "",
                next.Draft.Professions, next.Draft.Categories);
            var tool = await GrainFactory.GetGrain<IToolGrain>(Id).CreateAsync(actor, metadata, Id);
            if (decision.MakeSubmitterMaintainer)
            {
                // Before the decision is stored: a submitter who can no longer be one refuses the decision with the
                // reason, and a retry finds the tool and names nobody twice.
                await GrainFactory.GetGrain<IToolGrain>(Id).AddMaintainerAsync(actor, next.SubmittedBy);
            }
            next.ToolId = tool.Id;
        }
        await CommitAsync(next, actor, "suggestion." + SuggestionRules.DecisionName(decision.Kind));
        return ToInfo(next);
    }

    /// <summary>
    /// State first, then the rows (ADR 0008, <see cref="RowKeeper{TState}"/>): rows that refuse the data undo the state
    /// write, so a suggestion is never shown pending in the list and decided in its state.
    /// </summary>
    private async Task CommitAsync(SuggestionState next, ActingUser actor, string action)
    {
        await Rows.CommitAsync(next);
        await audit.AppendAsync(new AuditEntry(actor.UserId, action, "suggestion", Id.ToString(),
            new Dictionary<string, object?> { ["tool_id"] = next.ToolId, ["rationale"] = next.Rationale }));
    }

    private void EnsureVisible(ActingUser actor)
    {
        if (!state.State.Exists || !SuggestionRules.CanSee(actor, state.State.SubmittedBy))
        {
            throw DomainException.NotFound("Förslaget");
        }
    }

    private SuggestionInfo ToInfo(SuggestionState s) => new(Id, s.Draft, s.Status, s.SubmittedBy, s.SubmittedAt,
        s.Decision, s.Rationale, s.DecidedBy, s.DecidedAt, s.ToolId, s.History.ToList());
}
