using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Audit;
using Skriptoteket.Grains.Persistence;

namespace Skriptoteket.Grains.Identity;

internal sealed class UserAccountGrain(
    [PersistentState("user", StorageNames.Store)] IPersistentState<UserAccountState> state,
    UserStore users,
    SessionStore sessions,
    IAuditLog audit,
    TimeProvider time,
    RowLag lag,
    IOptions<IdentityOptions> options,
    ILogger<UserAccountGrain> logger) : Grain, IUserAccountGrain
{
    private const string ConflictMessage = "Kontot ändrades samtidigt på annat håll. Läs in det igen och försök på nytt.";

    private RowKeeper<UserAccountState>? rows;

    private Guid Id => this.GetPrimaryKey();

    // Logins and sessions read the users row: a row that lags would let a deactivated account in, so any row
    // failure undoes the change and a retry does it all again (ADR 0008). Nothing to heal: the rules checked it.
    private RowKeeper<UserAccountState> Rows => rows ??= new(this, state, lag, $"user/{Id}",
        s => users.UpsertAsync(ToRow(s)), _ => null, ConflictMessage, logger, RowLagRule.UndoOnAnyFailure);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var row = await users.FindByIdAsync(Id);
        if (!state.State.Exists && row is not null)
        {
            // Accounts made outside a grain (the first-superuser bootstrap) are adopted from their row.
            state.State = new UserAccountState
            {
                Exists = true, Email = row.Email, DisplayName = row.DisplayName, Role = row.Role, IsActive = row.IsActive,
                PasswordHash = row.PasswordHash, CreatedAt = row.CreatedAt, UpdatedAt = row.UpdatedAt,
                PreferredLanguage = row.PreferredLanguage, MustChangePassword = row.MustChangePassword,
            };
        }
        else if (state.State.Exists && !ToRow().Matches(row))
        {
            // The row is what logins and sessions read: repair it whenever it differs from the saved state.
            await users.UpsertAsync(ToRow());
        }
    }

    public async Task<UserInfo> CreateAsync(ActingUser actor, NewUserAccount account)
    {
        AccountPolicy.EnsureMayCreate(actor, account.Role);
        if (state.State.Exists)
        {
            throw DomainException.Conflict("Kontot finns redan.", "Account.Exists");
        }
        var email = NewAccountRules.ValidEmail(account.Email);
        var name = NewAccountRules.ValidDisplayName(account.DisplayName);
        PasswordRules.EnsureStrongEnough(account.Password);
        if (await users.EmailTakenAsync(email, Id))
        {
            throw DomainException.Conflict("Det finns redan ett konto med den e-postadressen.", "Account.EmailTaken");
        }

        var now = time.GetUtcNow();
        await SaveAsync(s =>
        {
            s.Exists = true;
            s.Email = email;
            s.DisplayName = name;
            s.Role = account.Role;
            s.IsActive = true;
            s.PasswordHash = PasswordRules.Hash(account.Password);
            s.CreatedAt = now;
            s.UpdatedAt = now;
        });
        await AuditAsync(actor, AuditActions.UserCreated, new() { ["email"] = email, ["role"] = RoleNames.ToDb(account.Role) });
        return Info();
    }

    public Task<UserInfo> GetAsync(ActingUser actor)
    {
        AccountPolicy.EnsureMayView(actor, Id);
        EnsureExists();
        return Task.FromResult(Info());
    }

    public async Task<UserInfo> ChangeRoleAsync(ActingUser actor, Role role)
    {
        EnsureExistsFor(actor);
        var from = state.State.Role;
        AccountPolicy.EnsureMayChangeRole(actor, Id, from, role);
        if (from == role)
        {
            // A failed earlier attempt may have left the row or the sessions behind: finish it, idempotently.
            await SyncRowAndRevokeAsync();
            return Info();
        }
        await SaveAsync(s => s.Role = role);
        await sessions.RevokeAllAsync(Id, time.GetUtcNow());
        await AuditAsync(actor, AuditActions.RoleChanged, new() { ["from"] = RoleNames.ToDb(from), ["to"] = RoleNames.ToDb(role) });
        return Info();
    }

    public async Task<UserInfo> DeactivateAsync(ActingUser actor)
    {
        EnsureExistsFor(actor);
        AccountPolicy.EnsureMayManage(actor, Id, state.State.Role);
        if (!state.State.IsActive)
        {
            await SyncRowAndRevokeAsync();
            return Info();
        }
        await SaveAsync(s => s.IsActive = false);
        await sessions.RevokeAllAsync(Id, time.GetUtcNow());
        await AuditAsync(actor, AuditActions.UserDeactivated, new());
        return Info();
    }

    public async Task<UserInfo> ReactivateAsync(ActingUser actor)
    {
        EnsureExistsFor(actor);
        AccountPolicy.EnsureMayManage(actor, Id, state.State.Role);
        if (state.State.IsActive)
        {
            await SyncRowAsync();
            return Info();
        }
        await SaveAsync(s => s.IsActive = true);
        await AuditAsync(actor, AuditActions.UserReactivated, new());
        return Info();
    }

    public async Task<UserInfo> PromoteToAdminAsync(ActingUser actor, Guid nominationId)
    {
        AccountPolicy.EnsureMayDecideNomination(actor);
        EnsureExists();
        if (!state.State.IsActive)
        {
            throw DomainException.Conflict("Användaren är inaktiverad och kan inte bli administratör.", "Account.DeactivatedAdmin");
        }
        if (state.State.Role >= Role.Admin)
        {
            await SyncRowAndRevokeAsync();
            return Info();
        }
        // No audit row here: the approved nomination is the one audited action.
        await SaveAsync(s => s.Role = Role.Admin);
        await sessions.RevokeAllAsync(Id, time.GetUtcNow());
        return Info();
    }

    public async Task<UserInfo> UpdateProfileAsync(ActingUser actor, ProfileChange change)
    {
        AccountPolicy.EnsureOwner(actor, Id);
        EnsureExists();
        var name = change.DisplayName is null ? state.State.DisplayName : NewAccountRules.ValidDisplayName(change.DisplayName);
        var language = change.Language is null ? state.State.PreferredLanguage : NewAccountRules.ValidLanguage(change.Language);
        if (name != state.State.DisplayName || language != state.State.PreferredLanguage)
        {
            await SaveAsync(s => (s.DisplayName, s.PreferredLanguage) = (name, language));
        }
        return Info();
    }

    public async Task ChangePasswordAsync(ActingUser actor, PasswordChange change)
    {
        AccountPolicy.EnsureOwner(actor, Id);
        EnsureExists();
        // The same throttle as logins: an open session (a borrowed laptop) must not become a way to guess the
        // password without limit, so wrong current passwords count as failed logins and a locked account is refused.
        var throttle = GrainFactory.GetGrain<ILoginThrottleGrain>(LoginThrottlePolicy.AccountPrefix + UserStore.NormalizeEmail(state.State.Email));
        // Each refusal is audited like a failed login: someone guessing from an open session leaves a trace.
        if (await throttle.IsLockedAsync())
        {
            await AuditAsync(actor, AuditActions.PasswordChangeFailed, new() { ["reason"] = "locked" });
            throw DomainException.Forbidden(
                "För många felaktiga lösenord. Vänta en stund och försök igen.", "Account.PasswordLocked");
        }
        if (!PasswordRules.Verify(state.State.PasswordHash, change.CurrentPassword ?? ""))
        {
            await throttle.RecordFailureAsync();
            await AuditAsync(actor, AuditActions.PasswordChangeFailed, new() { ["reason"] = "credentials" });
            throw DomainException.Invalid("Det nuvarande lösenordet stämmer inte.", "Account.WrongCurrentPassword");
        }
        PasswordRules.EnsureStrongEnough(change.NewPassword);
        await SaveAsync(s => (s.PasswordHash, s.MustChangePassword) = (PasswordRules.Hash(change.NewPassword), false));
        await sessions.RevokeAllExceptAsync(Id, SessionStore.ParseHash(change.SessionHash), time.GetUtcNow());
        await AuditAsync(actor, AuditActions.PasswordChanged, new());
    }

    public async Task<UserInfo> SetPasswordAsync(ActingUser actor, string newPassword)
    {
        EnsureExistsFor(actor);
        AccountPolicy.EnsureMayManage(actor, Id, state.State.Role);
        PasswordRules.EnsureStrongEnough(newPassword);
        await SaveAsync(s => (s.PasswordHash, s.MustChangePassword) = (PasswordRules.Hash(newPassword), true));
        await sessions.RevokeAllAsync(Id, time.GetUtcNow());
        await AuditAsync(actor, AuditActions.PasswordReset, new());
        return Info();
    }

    public async Task<IReadOnlyList<SessionInfo>> ListSessionsAsync(ActingUser actor, string currentSessionHash)
    {
        AccountPolicy.EnsureOwner(actor, Id);
        EnsureExists();
        return await sessions.ListLiveAsync(Id, SessionStore.ParseHash(currentSessionHash), time.GetUtcNow(),
            TimeSpan.FromMinutes(options.Value.SessionAbsoluteMinutes));
    }

    public async Task EndSessionAsync(ActingUser actor, Guid sessionId)
    {
        AccountPolicy.EnsureOwner(actor, Id);
        EnsureExists();
        if (!await sessions.RevokeByIdAsync(Id, sessionId, time.GetUtcNow()))
        {
            throw DomainException.NotFound("Sessionen");
        }
    }

    public async Task<int> EndOtherSessionsAsync(ActingUser actor, string currentSessionHash)
    {
        AccountPolicy.EnsureOwner(actor, Id);
        EnsureExists();
        return await sessions.RevokeAllExceptAsync(Id, SessionStore.ParseHash(currentSessionHash), time.GetUtcNow());
    }

    private void EnsureExists()
    {
        if (!state.State.Exists)
        {
            throw DomainException.NotFound("Användaren");
        }
    }

    /// <summary>People without user management learn nothing about other accounts, not even whether they exist.</summary>
    private void EnsureExistsFor(ActingUser actor)
    {
        AccountPolicy.EnsureManager(actor);
        EnsureExists();
    }

    /// <summary>
    /// Saves the change to grain state, then to the users row. If the row write fails the grain state goes back
    /// to what it was, so a retry does the whole change again (row and session revocation) instead of seeing
    /// "already done" while logins still read the old row.
    /// </summary>
    private async Task SaveAsync(Action<UserAccountState> change)
    {
        var next = state.State.Copy();
        change(next);
        next.UpdatedAt = time.GetUtcNow();
        await Rows.CommitAsync(next);
    }

    private async Task SyncRowAsync()
    {
        if (!ToRow().Matches(await users.FindByIdAsync(Id)))
        {
            await users.UpsertAsync(ToRow());
        }
    }

    private async Task SyncRowAndRevokeAsync()
    {
        await SyncRowAsync();
        await sessions.RevokeAllAsync(Id, time.GetUtcNow());
    }

    private Task AuditAsync(ActingUser actor, string action, Dictionary<string, object?> details) =>
        audit.AppendAsync(new AuditEntry(actor.UserId, action, "user", Id.ToString(), details));

    private UserRow ToRow() => ToRow(state.State);

    private UserRow ToRow(UserAccountState s)
    {
        return new UserRow(Id, s.Email, s.DisplayName, s.Role, s.IsActive, s.PasswordHash, s.CreatedAt, s.UpdatedAt,
            s.PreferredLanguage, s.MustChangePassword);
    }

    private UserInfo Info() => ToRow().ToInfo();
}
