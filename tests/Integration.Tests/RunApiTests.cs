using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Skriptoteket.Integration.Tests;

/// <summary>The runs API refuses anonymous callers with the shared error body (login comes with the identity area).</summary>
public sealed class RunApiTests : HostTestBase
{
    [Fact]
    public async Task Every_run_endpoint_requires_a_signed_in_user()
    {
        var host = await StartHostAsync();
        var id = Guid.NewGuid();
        using var upload = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "files", "elever.csv" } };
        var calls = new Func<Task<HttpResponseMessage>>[]
        {
            () => host.Http.PostAsync("api/v1/tools/betyg/run", upload),
            () => host.Http.PostAsync($"api/v1/tool-versions/{id}/run-sandbox", null),
            () => host.Http.GetAsync($"api/v1/tool-runs/{id}"),
            () => host.Http.PostAsync($"api/v1/tool-runs/{id}/cancel", null),
            () => host.Http.GetAsync($"api/v1/tool-runs/{id}/artifacts/0"),
            () => host.Http.GetAsync("api/v1/my-runs"),
            () => host.Http.GetAsync($"api/v1/my-runs/{id}"),
        };

        foreach (var call in calls)
        {
            using var response = await call();
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("UNAUTHENTICATED", body.GetProperty("error").GetProperty("code").GetString());
        }
    }
}
