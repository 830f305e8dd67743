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
    TimeProvider time) : Grain, IUserAccountGrain
{
    private Guid Id => this.GetPrimaryKey();

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
            };
        }
        else if (state.State.Exists && row is null)
        {
            await users.UpsertAsync(ToRow());
        }
    }

    public async Task<UserInfo> CreateAsync(ActingUser actor, NewUserAccount account)
    {
        AccountPolicy.EnsureMayCreate(actor, account.Role);
        if (state.State.Exists)
        {
            throw DomainException.Conflict("Kontot finns redan.");
        }
        var email = NewAccountRules.ValidEmail(account.Email);
        var name = NewAccountRules.ValidDisplayName(account.DisplayName);
        PasswordRules.EnsureStrongEnough(account.Password);
        if (await users.EmailTakenAsync(email, Id))
        {
            throw DomainException.Conflict("Det finns redan ett konto med den e-postadressen.");
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
        }, undoOnRowFailure: true);
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
            throw DomainException.Conflict("Användaren är inaktiverad och kan inte bli administratör.");
        }
        if (state.State.Role >= Role.Admin)
        {
            return Info();
        }
        // No audit row here: the approved nomination is the one audited action.
        await SaveAsync(s => s.Role = Role.Admin);
        await sessions.RevokeAllAsync(Id, time.GetUtcNow());
        return Info();
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

    private async Task SaveAsync(Action<UserAccountState> change, bool undoOnRowFailure = false)
    {
        var before = state.State.Copy();
        change(state.State);
        state.State.UpdatedAt = time.GetUtcNow();
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = before;
            throw;
        }
        try
        {
            await users.UpsertAsync(ToRow());
        }
        catch (DomainException) when (undoOnRowFailure)
        {
            // Another account took the email between the check and the insert: this account was never created.
            await state.ClearStateAsync();
            state.State = new UserAccountState();
            throw;
        }
    }

    private Task AuditAsync(ActingUser actor, string action, Dictionary<string, object?> details) =>
        audit.AppendAsync(new AuditEntry(actor.UserId, action, "user", Id.ToString(), details));

    private UserRow ToRow()
    {
        var s = state.State;
        return new UserRow(Id, s.Email, s.DisplayName, s.Role, s.IsActive, s.PasswordHash, s.CreatedAt, s.UpdatedAt);
    }

    private UserInfo Info() => ToRow().ToInfo();
}
