using System.Net;
using System.Text;
using System.Text.Json;
using static System.Net.HttpStatusCode;

namespace Skriptoteket.Web.Tests.Tools;

/// <summary>
/// One caller's walk over the routes: the status SPEC §1 implies for each call, what the host answered, and
/// the claims about contents. Every mismatch is collected, so one run shows the whole table.
/// </summary>
internal sealed class RouteMatrix(Who who, ApiSession caller)
{
    private readonly StringBuilder table = new();
    private readonly List<string> failures = [];

    public Who Who => who;

    public bool Can(Who min) => who >= min;

    /// <summary>A route for roles from min up: below it 403, anonymous 401, otherwise the success code.</summary>
    public HttpStatusCode Allowed(Who min, HttpStatusCode ok) => Hidden(min, min, ok);

    /// <summary>A route for roles from min up on an object only roles from sees may see: in between 404, never 403.</summary>
    public HttpStatusCode Hidden(Who min, Who sees, HttpStatusCode ok) =>
        who == Who.Anonymous ? Unauthorized : who < min ? Forbidden : who < sees ? NotFound : ok;

    /// <summary>A route for roles from min up on something nobody at all may see (unknown, or another's "my run").</summary>
    public HttpStatusCode Nobody(Who min) =>
        who == Who.Anonymous ? Unauthorized : who < min ? Forbidden : NotFound;

    /// <summary>Makes the call, records the row and returns the JSON body of an expected success (else default).</summary>
    public async Task<JsonElement> CheckAsync(string route, HttpStatusCode expected, Func<ApiSession, Task<HttpResponseMessage>> call)
    {
        using var response = await call(caller);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.StartsWith('{') || text.StartsWith('[') ? JsonDocument.Parse(text).RootElement.Clone() : default;
        var code = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("error", out var error)
            ? error.GetProperty("code").GetString()
            : null;
        var ok = response.StatusCode == expected && code == CodeOf(expected);
        table.AppendLine($"{route,-58} expected {(int)expected} {CodeOf(expected),-15} got {(int)response.StatusCode} {code}");
        if (!ok)
        {
            failures.Add($"{who}: {route}: expected {(int)expected} {CodeOf(expected)}, got {(int)response.StatusCode} {(text.Length > 300 ? text[..300] + "…" : text)}");
        }
        return ok && response.IsSuccessStatusCode ? json : default;
    }

    /// <summary>Waits, as the caller, until a run the caller started is final.</summary>
    public Task<JsonElement> WaitForFinishedAsync(Guid runId) => ToolRouteWorld.WaitForFinishedAsync(caller, runId);

    /// <summary>A claim about what the caller was shown, where it applies to this caller; recorded like a row.</summary>
    public void Holds(string claim, bool applies, bool holds)
    {
        if (!applies)
        {
            return;
        }
        table.AppendLine($"  {(holds ? "holds" : "FAILS")}: {claim}");
        if (!holds)
        {
            failures.Add($"{who}: does not hold: {claim}");
        }
    }

    /// <summary>Writes the table and fails with every mismatch at once.</summary>
    public void AssertAll(Action<string> output)
    {
        output($"=== {who} ===\n{table}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The error code the API pairs with a status (SPEC's error shape); successes carry none.</summary>
    private static string? CodeOf(HttpStatusCode status) => status switch
    {
        BadRequest => "VALIDATION_ERROR",
        Unauthorized => "UNAUTHENTICATED",
        Forbidden => "FORBIDDEN",
        NotFound => "NOT_FOUND",
        Conflict => "CONFLICT",
        _ => null,
    };
}
