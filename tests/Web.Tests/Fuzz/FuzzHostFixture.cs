using System.Net;
using Skriptoteket.Web.Tests.Tools;
using static System.Net.HttpStatusCode;

namespace Skriptoteket.Web.Tests.Fuzz;

/// <summary>
/// The tools host for the fuzz suite: its hostile login bodies all fail from one address, so the per-address
/// login threshold is raised here (the suite must not lock its own later checks out).
/// </summary>
public sealed class FuzzHostFixture : ToolsApiHostFixture
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Identity__MaxFailedLoginsPerAddress"] = "100000",
    };
}

/// <summary>The objects the fuzzed routes aim at, beyond the tools world: an account to change and a pending nomination.</summary>
internal sealed record FuzzWorld(ToolRouteWorld Tools, Guid VictimId, string VictimEmail, Guid NomineeId, Guid NominationId)
{
    public static async Task<FuzzWorld> BuildAsync(ToolsApiHostFixture fixture)
    {
        var tools = await ToolRouteWorld.BuildAsync(fixture);
        var su = fixture.Superuser;
        var (victimId, victimEmail) = await CreateAsync(su, "offer");
        var (nomineeId, _) = await CreateAsync(su, "nominerad");
        var nomination = await su.ExpectAsync(Created, su.PostAsync("api/v1/nominations", new { userId = nomineeId, rationale = "Ansvarar" }));
        return new FuzzWorld(tools, victimId, victimEmail, nomineeId, ToolRouteWorld.Id(nomination));
    }

    private static async Task<(Guid, string)> CreateAsync(ApiSession superuser, string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@fuzz.test";
        var created = await superuser.ExpectAsync(HttpStatusCode.Created, superuser.PostAsync("api/v1/users",
            new { email, displayName = name, password = ToolsApiHostFixture.Password, role = "contributor" }));
        return (ToolRouteWorld.Id(created), email);
    }
}
