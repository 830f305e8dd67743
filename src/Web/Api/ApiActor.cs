using Microsoft.AspNetCore.Http;
using Skriptoteket.Grains.Abstractions.Errors;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Web.Security;

namespace Skriptoteket.Web.Api;

/// <summary>The acting user of an API request; an anonymous caller gets UNAUTHENTICATED (401).</summary>
internal static class ApiActor
{
    public static ActingUser Require(HttpContext http) =>
        http.User.ToActingUser() ?? throw new DomainException(ErrorCode.Unauthenticated, "Logga in först.", "LoginFirst");
}
