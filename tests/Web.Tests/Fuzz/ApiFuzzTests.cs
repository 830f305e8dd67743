using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Skriptoteket.Web.Tests.Tools;
using Xunit.Abstractions;
using static System.Net.HttpStatusCode;

namespace Skriptoteket.Web.Tests.Fuzz;

/// <summary>
/// Walks every route of the served OpenAPI document as an anonymous caller and as each role, with hostile bodies
/// (HostileBodies), hostile path ids and query values, wrong methods and unknown routes. Asserts: no answer is 5xx,
/// every 4xx carries the error body {"error": {"code", "message", "details"}}, and after each route the objects it
/// aimed at still answer normally; at the end, they still accept ordinary changes.
/// </summary>
public sealed class ApiFuzzTests(FuzzHostFixture fixture, ITestOutputHelper output) : IClassFixture<FuzzHostFixture>
{
    private const int Seed = 20261201;

    private static readonly string[] HostileIds =
    [
        "inte-ett-id", "0", "-1", "00000000-0000-0000-0000-000000000000", "99999999999999999999", "%ZZ",
        new string('a', 300), "..%2F..%2Fetc", "%E2%80%AE", "<script>",
    ];

    private static readonly string[] HostileQueryValues =
    [
        "", "%00", "a%00b", "%01%1F", "%ED%A0%80", "99999999", "99999999999", "-1", "-2147483649", "abc", "true",
        new string('x', 6000), "%ZZ", "1e400", "0",
    ];

    private readonly ConcurrentBag<string> failures = [];
    private int requests;
    private int protocolRefusals;

    [Fact]
    public async Task Every_documented_route_survives_hostile_input_from_every_role()
    {
        var watch = Stopwatch.StartNew();
        var world = await FuzzWorld.BuildAsync(fixture);
        var targets = new FuzzTargets(world);
        using var documentResponse = await fixture.Host.Http.GetAsync("openapi/v1.json");
        var routes = OpenApiRoutes.Read(JsonDocument.Parse(await documentResponse.Content.ReadAsStringAsync()).RootElement);
        Assert.True(routes.Count >= 40, $"the OpenAPI document lists only {routes.Count} routes");
        var setup = watch.Elapsed;

        using var anonymous = ApiSession.Anonymous(fixture.Host.BaseAddress);
        var callers = new (string Name, ApiSession Session)[]
        {
            ("anonymous", anonymous), ("user", fixture.User), ("contributor", fixture.Contributor),
            ("admin", fixture.Admin), ("superuser", fixture.Superuser),
        };
        foreach (var (name, session) in callers)
        {
            var random = new Random(Seed);
            // Logins cost a full password check each and logouts end the caller's session: as anonymous only.
            var mine = routes.Where(r => name == "anonymous" || !r.Template.StartsWith("/api/v1/auth/")).ToList();
            await Parallel.ForEachAsync(mine, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (route, _) =>
            {
                foreach (var request in Requests(route, targets, random))
                {
                    await SendAsync(name, session, request);
                }
                foreach (var probe in targets.Probes(route))
                {
                    await ProbeAsync(name, route, probe, probe == "api/v1/me" ? session : fixture.Superuser, anonymous: session == anonymous);
                }
            });
            foreach (var request in WrongMethodsAndUnknownRoutes(routes, targets))
            {
                await SendAsync(name, session, request);
            }
        }
        await StillAcceptsOrdinaryChangesAsync(world);

        output.WriteLine($"{routes.Count} routes, {callers.Length} callers: {requests} requests in {watch.Elapsed.TotalSeconds:F1} s " +
                         $"(setup {setup.TotalSeconds:F1} s); {protocolRefusals} refused by Kestrel before the application");
        Assert.True(failures.IsEmpty, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(60)));
    }

    private IEnumerable<(string Case, HttpMethod Method, string Url, Func<HttpContent?> Body)> Requests(
        FuzzRoute route, FuzzTargets targets, Random random)
    {
        var method = new HttpMethod(route.Method);
        var url = targets.Url(route);
        IEnumerable<FuzzBody> bodies;
        lock (random)
        {
            bodies = route.Body is null
                ? [new("no body", () => null), new("unexpected json", () => JsonContent("{\"a\":\"\\u0000\"}")),
                   new("garbage text", () => new StringContent("\0\u0001", System.Text.Encoding.UTF8, "text/plain"))]
                : HostileBodies.For(route.Body, targets.Baseline, random).ToList();
        }
        foreach (var body in bodies)
        {
            yield return ($"body {body.Case}", method, url, body.Content);
        }
        var plain = bodies.First(b => b.Case is "baseline" or "no body").Content;
        foreach (var parameter in route.PathParameters)
        {
            foreach (var id in HostileIds)
            {
                yield return ($"path {parameter.Name}={id}", method, targets.Url(route, parameter.Name, id), plain);
            }
            yield return ($"path {parameter.Name}=NUL", method, targets.Url(route, parameter.Name, "a%00b"), plain);
        }
        foreach (var parameter in route.QueryParameters)
        {
            foreach (var value in HostileQueryValues)
            {
                yield return ($"query {parameter.Name}={Short(value)}", method, $"{url}?{parameter.Name}={value}", plain);
            }
            yield return ($"query {parameter.Name}=100 KB", method, $"{url}?{parameter.Name}={new string('x', 100_000)}", plain);
        }
    }

    private static IEnumerable<(string Case, HttpMethod Method, string Url, Func<HttpContent?> Body)> WrongMethodsAndUnknownRoutes(
        IReadOnlyList<FuzzRoute> routes, FuzzTargets targets)
    {
        foreach (var path in routes.GroupBy(r => r.Template))
        {
            var url = targets.Url(path.First());
            foreach (var method in new[] { "GET", "POST", "PUT", "DELETE", "PATCH" }.Except(path.Select(r => r.Method)))
            {
                yield return ($"wrong method {method}", new HttpMethod(method), url, () => JsonContent("{}"));
            }
        }
        foreach (var unknown in new[] { "api/v1/finns-inte", "api/finns-inte", "api/v2/tools", "api/v1/tools/finns/inte/alls", "api/v1/" })
        {
            yield return ("unknown route", HttpMethod.Get, unknown, () => null);
            yield return ("unknown route", HttpMethod.Post, unknown, () => JsonContent("{}"));
        }
    }

    private async Task SendAsync(string caller, ApiSession session, (string Case, HttpMethod Method, string Url, Func<HttpContent?> Body) r)
    {
        Interlocked.Increment(ref requests);
        using var request = new HttpRequestMessage(r.Method, r.Url) { Content = r.Body() };
        using var response = await session.SendRawAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        var where = $"{caller} {r.Method} {Short(r.Url)} [{r.Case}] → {status}";
        if (status >= 500)
        {
            failures.Add($"{where} {Short(text)}");
        }
        else if (status >= 400 && !HasErrorShape(text))
        {
            // Kestrel refuses a NUL in the decoded path as malformed HTTP before any application code runs.
            if (r.Case.EndsWith("=NUL") && status == 400 && text.Length == 0)
            {
                Interlocked.Increment(ref protocolRefusals);
                return;
            }
            failures.Add($"{where} without the error body: {Short(text)}");
        }
    }

    private async Task ProbeAsync(string caller, FuzzRoute route, string probe, ApiSession session, bool anonymous)
    {
        if (anonymous && probe == "api/v1/me")
        {
            return;
        }
        Interlocked.Increment(ref requests);
        using var response = await session.GetAsync(probe);
        if (response.StatusCode != OK)
        {
            failures.Add($"after {caller} fuzzed {route}: GET {probe} → {(int)response.StatusCode} {Short(await response.Content.ReadAsStringAsync())}");
        }
    }

    /// <summary>The objects the suite aimed at still take ordinary changes, not only reads.</summary>
    private async Task StillAcceptsOrdinaryChangesAsync(FuzzWorld world)
    {
        var su = fixture.Superuser;
        var w = world.Tools;
        var tool = await su.ExpectAsync(OK, su.GetAsync($"api/v1/tools/{w.ToolId}"));
        var slug = tool.GetProperty("metadata").GetProperty("slug").GetString()!;
        await su.ExpectAsync(OK, su.SendAsync(HttpMethod.Put, $"api/v1/tools/{w.ToolId}", ToolRouteWorld.Metadata(slug, "Efter fuzz")));
        await su.ExpectAsync(Created, su.PostAsync($"api/v1/tools/{w.ToolId}/versions", new { }));
        await su.ExpectAsync(Created, su.PostAsync("api/v1/suggestions", ToolRouteWorld.Suggestion("Efter fuzz")));
        await su.ExpectAsync(OK, su.PostAsync($"api/v1/users/{world.VictimId}/reactivate"));
        await su.ExpectAsync(OK, su.GetAsync($"api/v1/users?q={Uri.EscapeDataString(world.VictimEmail)}"));
        requests += 6;
    }

    private static bool HasErrorShape(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.TryGetProperty("error", out var error)
                   && error.TryGetProperty("code", out var code) && code.GetString() is { Length: > 0 }
                   && error.TryGetProperty("message", out var message) && message.GetString() is { Length: > 0 }
                   && error.TryGetProperty("details", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static StringContent JsonContent(string text) => new(text, System.Text.Encoding.UTF8, "application/json");

    private static string Short(string text) => text.Length > 160 ? text[..160] + $"…({text.Length})" : text;
}
