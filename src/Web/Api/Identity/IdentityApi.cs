using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Web.Identity;
using Skriptoteket.Web.Security;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Web.Api.Identity;

/// <summary>/api/v1 auth, me, users and nominations; the grains check the permission matrix again.</summary>
public static class IdentityApi
{
    public static RouteGroupBuilder MapIdentityApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Inloggning");
        PasswordChangeGate.AllowBeforePasswordChange(auth);
        auth.MapPost("/login", LoginAsync).AllowAnonymous()
            .WithSummary("Logga in med e-post och lösenord; sätter sessionskakan och ger csrfToken.");
        auth.MapPost("/logout", LogoutAsync).AllowAnonymous().WithSummary("Logga ut (sessionen återkallas).");
        PasswordChangeGate.AllowBeforePasswordChange(api.MapGet("/me", Me).RequireAuthorization(Policies.User).WithTags("Inloggning")
            .WithSummary("Den inloggade användaren (med mustChangePassword) och sessionens csrfToken."));

        var me = api.MapGroup("/me").WithTags("Mitt konto").RequireAuthorization(Policies.User);
        me.MapPut("", UpdateProfileAsync).WithSummary("Byt ditt visningsnamn och/eller språk (sv, en); språket följer med till nästa inloggning.");
        PasswordChangeGate.AllowBeforePasswordChange(me.MapPost("/password", ChangePasswordAsync)
            .WithSummary("Byt ditt lösenord (nuvarande krävs); dina andra sessioner loggas ut, den här behålls."));
        me.MapGet("/sessions", ListSessionsAsync).WithSummary("Dina aktiva sessioner (enhet, skapad, senast använd; current = den här).");
        me.MapDelete("/sessions/{id:guid}", EndSessionAsync).WithSummary("Logga ut en av dina sessioner.");
        me.MapPost("/sessions/end-others", EndOtherSessionsAsync).WithSummary("Logga ut alla dina sessioner utom den här.");

        var users = api.MapGroup("/users").WithTags("Användare").RequireAuthorization(Policies.Admin);
        users.MapGet("", SearchUsersAsync).WithSummary($"Sök användare (q; page 1–{Grains.Abstractions.Validation.TextLimits.MaxPage}, pageSize 1–200).");
        users.MapPost("", CreateUserAsync).WithSummary("Skapa ett konto.");
        users.MapPut("/{id:guid}/role", ChangeRoleAsync).WithSummary("Byt roll (sessioner återkallas).");
        users.MapPost("/{id:guid}/deactivate", DeactivateAsync).WithSummary("Inaktivera ett konto (sessioner återkallas).");
        users.MapPost("/{id:guid}/reactivate", ReactivateAsync).WithSummary("Aktivera ett konto igen.");
        users.MapPost("/{id:guid}/password", SetPasswordAsync)
            .WithSummary("Sätt ett nytt lösenord (sessioner återkallas; personen måste byta det vid nästa inloggning).");

        var nominations = api.MapGroup("/nominations").WithTags("Nomineringar").RequireAuthorization(Policies.Admin);
        nominations.MapGet("", ListNominationsAsync).WithSummary("Väntande nomineringar (superanvändare).");
        nominations.MapPost("", NominateAsync).WithSummary("Nominera en bidragsgivare till administratör.");
        nominations.MapPost("/{id:guid}/approve", ApproveAsync).WithSummary("Godkänn en nominering (superanvändare).");
        nominations.MapPost("/{id:guid}/deny", DenyAsync).WithSummary("Avslå en nominering (superanvändare).");
        return api;
    }

    private static async Task<Results<Ok<SessionJson>, JsonHttpResult<ApiError>>> LoginAsync(LoginRequest body, HttpContext http, AccountService account)
    {
        if (body.Email is null || body.Password is null)
        {
            throw DomainException.Invalid("Ange e-postadress och lösenord.", "Api.LoginParts");
        }
        var result = await account.LoginAsync(http, body.Email, body.Password);
        return result.Succeeded
            ? TypedResults.Ok(IdentityJson.Session(result.User!, result.SessionToken!))
            : TypedResults.Json(ApiResults.RefusalBody(http, "UNAUTHENTICATED", "LoginRefused"), statusCode: StatusCodes.Status401Unauthorized);
    }

    private static async Task<NoContent> LogoutAsync(HttpContext http, AccountService account)
    {
        await account.LogoutAsync(http);
        return TypedResults.NoContent();
    }

    private static Ok<SessionJson> Me(HttpContext http)
    {
        var acting = ApiActor.Require(http);
        var user = new AuthenticatedUser(acting.UserId, http.User.FindFirstValue(ClaimTypes.Email) ?? "",
            http.User.Identity?.Name ?? "", acting.Role) { MustChangePassword = http.User.MustChangePassword() };
        return TypedResults.Ok(IdentityJson.Session(user, SessionCookie.Read(http)!));
    }

    private static IUserAccountGrain Own(HttpContext http, IGrainFactory grains, out ActingUser me)
    {
        me = ApiActor.Require(http);
        return grains.GetGrain<IUserAccountGrain>(me.UserId);
    }

    private static string SessionHash(HttpContext http) => SessionCookie.HashHex(SessionCookie.Read(http)!);

    private static async Task<Ok<UserJson>> UpdateProfileAsync(ProfileRequest body, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(IdentityJson.User(await Own(http, grains, out var me).UpdateProfileAsync(me, new ProfileChange(body.DisplayName, body.Language))));

    private static async Task<NoContent> ChangePasswordAsync(ChangePasswordRequest body, HttpContext http, IGrainFactory grains)
    {
        await Own(http, grains, out var me).ChangePasswordAsync(me, new PasswordChange(body.CurrentPassword, body.NewPassword, SessionHash(http)));
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<SessionInfoJson>>> ListSessionsAsync(HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok((await Own(http, grains, out var me).ListSessionsAsync(me, SessionHash(http))).Select(IdentityJson.SessionInfo).ToList());

    private static async Task<NoContent> EndSessionAsync(Guid id, HttpContext http, IGrainFactory grains)
    {
        await Own(http, grains, out var me).EndSessionAsync(me, id);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<EndedSessionsJson>> EndOtherSessionsAsync(HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(new EndedSessionsJson(await Own(http, grains, out var me).EndOtherSessionsAsync(me, SessionHash(http))));

    private static async Task<Ok<UserJson>> SetPasswordAsync(Guid id, SetPasswordRequest body, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(IdentityJson.User(await grains.GetGrain<IUserAccountGrain>(id).SetPasswordAsync(ApiActor.Require(http), body.Password)));

    private static async Task<Ok<UserPageJson>> SearchUsersAsync(string? q, int? page, int? pageSize, HttpContext http, IGrainFactory grains)
    {
        var found = await grains.GetGrain<IIdentityQueryGrain>(0).SearchUsersAsync(ApiActor.Require(http), q, page ?? 1, pageSize ?? 25);
        return TypedResults.Ok(new UserPageJson(found.Items.Select(IdentityJson.User).ToList(), found.Page, found.PageSize, found.Total));
    }

    private static async Task<Created<UserJson>> CreateUserAsync(CreateUserRequest body, HttpContext http, IGrainFactory grains)
    {
        var role = IdentityJson.ParseRole(body.Role ?? "user");
        var id = Guid.NewGuid();
        var created = await grains.GetGrain<IUserAccountGrain>(id).CreateAsync(
            ApiActor.Require(http), new NewUserAccount(body.Email, body.DisplayName, body.Password, role));
        return TypedResults.Created($"/api/v1/users/{id}", IdentityJson.User(created));
    }

    private static async Task<Ok<UserJson>> ChangeRoleAsync(Guid id, ChangeRoleRequest body, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(IdentityJson.User(await grains.GetGrain<IUserAccountGrain>(id)
            .ChangeRoleAsync(ApiActor.Require(http), IdentityJson.ParseRole(body.Role))));

    private static async Task<Ok<UserJson>> DeactivateAsync(Guid id, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(IdentityJson.User(await grains.GetGrain<IUserAccountGrain>(id).DeactivateAsync(ApiActor.Require(http))));

    private static async Task<Ok<UserJson>> ReactivateAsync(Guid id, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(IdentityJson.User(await grains.GetGrain<IUserAccountGrain>(id).ReactivateAsync(ApiActor.Require(http))));

    private static async Task<Ok<List<NominationJson>>> ListNominationsAsync(HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok((await grains.GetGrain<IIdentityQueryGrain>(0).ListPendingNominationsAsync(ApiActor.Require(http)))
            .Select(IdentityJson.Nomination).ToList());

    private static async Task<Created<NominationJson>> NominateAsync(NominateRequest body, HttpContext http, IGrainFactory grains)
    {
        var made = await grains.GetGrain<INominationGrain>(body.UserId).NominateAsync(ApiActor.Require(http), body.Rationale);
        return TypedResults.Created($"/api/v1/nominations/{made.Id}", IdentityJson.Nomination(made));
    }

    private static Task<Ok<NominationJson>> ApproveAsync(Guid id, DecisionRequest? body, HttpContext http, IGrainFactory grains) =>
        DecideAsync(grains, ApiActor.Require(http), id, body?.Note, approve: true);

    private static Task<Ok<NominationJson>> DenyAsync(Guid id, DecisionRequest? body, HttpContext http, IGrainFactory grains) =>
        DecideAsync(grains, ApiActor.Require(http), id, body?.Note, approve: false);

    private static async Task<Ok<NominationJson>> DecideAsync(IGrainFactory grains, ActingUser actor, Guid id, string? note, bool approve)
    {
        var nomination = await grains.GetGrain<IIdentityQueryGrain>(0).GetNominationAsync(actor, id);
        var grain = grains.GetGrain<INominationGrain>(nomination.NomineeId);
        var decided = approve ? await grain.ApproveAsync(actor, id, note) : await grain.DenyAsync(actor, id, note);
        return TypedResults.Ok(IdentityJson.Nomination(decided));
    }
}
