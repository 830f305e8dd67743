using System.Net;
using System.Text.Json;

namespace Skriptoteket.Web.Tests;

public static class ResponseAssertions
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Asserts the status and, for errors, the error code of the API's error body.</summary>
    public static async Task<JsonElement> ExpectAsync(this Task<HttpResponseMessage> call, HttpStatusCode status, string? errorCode = null)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode} {text}");
        var json = text.Length == 0 || !text.TrimStart().StartsWith('{') && !text.TrimStart().StartsWith('[') ? default : JsonDocument.Parse(text).RootElement;
        if (errorCode is not null)
        {
            Assert.Equal(errorCode, json.GetProperty("error").GetProperty("code").GetString());
        }
        return json;
    }
}
