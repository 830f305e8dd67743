using System.Net;
using System.Net.Http.Json;

namespace Skriptoteket.Web.Tests;

/// <summary>A host whose per-address login threshold is low enough to reach in a test (the default is 100).</summary>
public sealed class LowAddressThresholdFixture : IdentityHostFixture
{
    public const int PerAddress = 8;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Identity__MaxFailedLoginsPerAddress"] = PerAddress.ToString(),
    };
}

/// <summary>A password spray from one address (one guess on many accounts) locks that address, for every account.</summary>
public sealed class IdentityAddressLockoutTests(LowAddressThresholdFixture fixture) : IClassFixture<LowAddressThresholdFixture>
{
    [Fact]
    public async Task A_spray_over_many_accounts_locks_the_address_at_its_own_threshold()
    {
        var (_, valid) = await fixture.CreateUserAsync("user");
        using var client = ApiUser.Anonymous(fixture.BaseAddress);

        for (var i = 0; i < LowAddressThresholdFixture.PerAddress; i++)
        {
            // Every guess is on another account, so no account reaches its own five.
            using var guess = await client.Http.PostAsJsonAsync("api/v1/auth/login",
                new { email = $"konto-{i}-{Guid.NewGuid():N}@skola.test", password = "Sommar2026!!" });
            Assert.Equal(HttpStatusCode.Unauthorized, guess.StatusCode);
        }
        using var refused = await client.Http.PostAsJsonAsync("api/v1/auth/login", new { email = valid, password = IdentityHostFixture.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Null(client.SessionCookie);
    }
}
