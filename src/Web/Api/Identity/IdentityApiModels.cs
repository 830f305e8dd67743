namespace Skriptoteket.Web.Api.Identity;

// Request bodies of the identity API, kept together because each is a one-line shape of the JSON contract.
// Non-nullable properties are required (OpenAPI says so); a missing or null one is refused with VALIDATION_ERROR.
public sealed record LoginRequest(string Email, string Password);

public sealed record CreateUserRequest(string Email, string DisplayName, string Password, string? Role);

public sealed record ChangeRoleRequest(string Role);

public sealed record NominateRequest(Guid UserId, string Rationale);

public sealed record DecisionRequest(string? Note);

/// <summary>Own profile: a null field stays as it is.</summary>
public sealed record ProfileRequest(string? DisplayName, string? Language);

public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

public sealed record SetPasswordRequest(string Password);
