using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Skriptoteket.Web.Identity;

/// <summary>
/// After an admin set someone's password, that person may do nothing but choose a new one (or log out) until they
/// have: every /api/v1 endpoint answers 403 PASSWORD_CHANGE_REQUIRED except those marked
/// <see cref="AllowBeforePasswordChange"/>. Pages do the same by sending the person to /account/password (MainLayout).
/// </summary>
public sealed class PasswordChangeGate : IEndpointFilter
{
    public const string Code = "PASSWORD_CHANGE_REQUIRED";

    /// <summary>The page a person with an admin-set password is sent to, and the pages they may still see.</summary>
    public const string PagePath = "/account/password";

    /// <summary>The pages a person with an admin-set password may still open: the change page and the login.</summary>
    public static bool MayShow(string path) =>
        path.Equals(PagePath, StringComparison.OrdinalIgnoreCase) || path.Equals("/login", StringComparison.OrdinalIgnoreCase);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.User.MustChangePassword() || http.GetEndpoint()?.Metadata.GetMetadata<Allowed>() is not null)
        {
            return await next(context);
        }
        return Results.Json(
            Api.ApiResults.RefusalBody(http, Code, "MustChangePassword"),
            statusCode: StatusCodes.Status403Forbidden);
    }

    /// <summary>Marks an endpoint a person with an admin-set password may still call (change it, log out, who am I).</summary>
    public static TBuilder AllowBeforePasswordChange<TBuilder>(TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new Allowed());

    private sealed class Allowed;
}
