namespace Skriptoteket.Grains.Abstractions.Identity;

/// <summary>Audit log action names written by the identity area (one row per action).</summary>
public static class AuditActions
{
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    public const string Logout = "logout";
    public const string UserCreated = "user.created";
    public const string RoleChanged = "user.role_changed";
    public const string UserDeactivated = "user.deactivated";
    public const string UserReactivated = "user.reactivated";
    public const string PasswordChanged = "user.password_changed";
    public const string PasswordReset = "user.password_reset";

    /// <summary>A wrong current password or a locked account when changing one's own password (details: reason).</summary>
    public const string PasswordChangeFailed = "user.password_change_failed";
    public const string NominationMade = "nomination.made";
    public const string NominationApproved = "nomination.approved";
    public const string NominationDenied = "nomination.denied";

    public static IReadOnlyList<string> All { get; } =
    [
        LoginSucceeded, LoginFailed, Logout, UserCreated, RoleChanged, UserDeactivated, UserReactivated,
        PasswordChanged, PasswordReset, PasswordChangeFailed,
        NominationMade, NominationApproved, NominationDenied,
    ];
}
