using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Skriptoteket.Grains.Abstractions.Errors;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Web.Api;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Identity;

/// <summary>/api/v1 auth, me, users and nominations; the grains check the permission matrix again.</summary>
public static class IdentityApi
{
    public static RouteGroupBuilder MapIdentityApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/login", LoginAsync).AllowAnonymous();
        api.MapPost("/auth/logout", async (HttpContext http, AccountService account) =>
        {
            await account.LogoutAsync(http);
            return Results.NoContent();
        }).AllowAnonymous();
        api.MapGet("/me", Me).RequireAuthorization(Policies.User);

        var users = api.MapGroup("/users").RequireAuthorization(Policies.Admin);
        users.MapGet("", (string? q, int? page, int? pageSize, ClaimsPrincipal who, IGrainFactory grains) =>
            SearchUsersAsync(grains, Actor(who), q, page ?? 1, pageSize ?? 25));
        users.MapPost("", async (CreateUserRequest body, ClaimsPrincipal who, IGrainFactory grains) =>
        {
            var role = IdentityJson.ParseRole(body.Role ?? "user");
            var id = Guid.NewGuid();
            var created = await grains.GetGrain<IUserAccountGrain>(id).CreateAsync(
                Actor(who), new NewUserAccount(body.Email ?? "", body.DisplayName ?? "", body.Password ?? "", role));
            return Results.Created($"/api/v1/users/{id}", IdentityJson.User(created));
        });
        users.MapPut("/{id:guid}/role", async (Guid id, ChangeRoleRequest body, ClaimsPrincipal who, IGrainFactory grains) =>
            Results.Ok(IdentityJson.User(await grains.GetGrain<IUserAccountGrain>(id).ChangeRoleAsync(Actor(who), IdentityJson.ParseRole(body.Role)))));
        users.MapPost("/{id:guid}/deactivate", async (Guid id, ClaimsPrincipal who, IGrainFactory grains) =>
            Results.Ok(IdentityJson.User(await grains.GetGrain<IUserAccountGrain>(id).DeactivateAsync(Actor(who)))));
        users.MapPost("/{id:guid}/reactivate", async (Guid id, ClaimsPrincipal who, IGrainFactory grains) =>
            Results.Ok(IdentityJson.User(await grains.GetGrain<IUserAccountGrain>(id).ReactivateAsync(Actor(who)))));

        var nominations = api.MapGroup("/nominations").RequireAuthorization(Policies.Admin);
        nominations.MapGet("", async (ClaimsPrincipal who, IGrainFactory grains) =>
            Results.Ok((await grains.GetGrain<IIdentityQueryGrain>(0).ListPendingNominationsAsync(Actor(who)))
                .Select(IdentityJson.Nomination)));
        nominations.MapPost("", async (NominateRequest body, ClaimsPrincipal who, IGrainFactory grains) =>
        {
            var made = await grains.GetGrain<INominationGrain>(body.UserId).NominateAsync(Actor(who), body.Rationale ?? "");
            return Results.Created($"/api/v1/nominations/{made.Id}", IdentityJson.Nomination(made));
        });
        nominations.MapPost("/{id:guid}/approve", (Guid id, DecisionRequest? body, ClaimsPrincipal who, IGrainFactory grains) =>
            DecideAsync(grains, Actor(who), id, body?.Note, approve: true));
        nominations.MapPost("/{id:guid}/deny", (Guid id, DecisionRequest? body, ClaimsPrincipal who, IGrainFactory grains) =>
            DecideAsync(grains, Actor(who), id, body?.Note, approve: false));
        return api;
    }

    private static async Task<IResult> LoginAsync(LoginRequest body, HttpContext http, AccountService account)
    {
        var result = await account.LoginAsync(http, body.Email, body.Password);
        return result.Succeeded
            ? Results.Ok(IdentityJson.Session(result.User!, result.SessionToken!))
            : ApiResults.Error(ErrorCode.Unauthenticated, LoginResult.RefusedMessage);
    }

    private static IResult Me(HttpContext http)
    {
        var acting = Actor(http.User);
        var user = new AuthenticatedUser(acting.UserId, http.User.FindFirstValue(ClaimTypes.Email) ?? "",
            http.User.Identity?.Name ?? "", acting.Role);
        return Results.Ok(IdentityJson.Session(user, SessionCookie.Read(http)!));
    }

    private static async Task<IResult> SearchUsersAsync(IGrainFactory grains, ActingUser actor, string? q, int page, int pageSize)
    {
        var found = await grains.GetGrain<IIdentityQueryGrain>(0).SearchUsersAsync(actor, q, page, pageSize);
        return Results.Ok(new { items = found.Items.Select(IdentityJson.User), page = found.Page, pageSize = found.PageSize, total = found.Total });
    }

    private static async Task<IResult> DecideAsync(IGrainFactory grains, ActingUser actor, Guid id, string? note, bool approve)
    {
        var nomination = await grains.GetGrain<IIdentityQueryGrain>(0).GetNominationAsync(actor, id);
        var grain = grains.GetGrain<INominationGrain>(nomination.NomineeId);
        var decided = approve ? await grain.ApproveAsync(actor, id, note) : await grain.DenyAsync(actor, id, note);
        return Results.Ok(IdentityJson.Nomination(decided));
    }

    private static ActingUser Actor(ClaimsPrincipal principal) =>
        principal.ToActingUser() ?? throw new DomainException(ErrorCode.Unauthenticated, "Du måste logga in.");
}
