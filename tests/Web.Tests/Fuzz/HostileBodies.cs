using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Skriptoteket.Web.Tests.Fuzz;

/// <summary>One hostile request body: what it tries and the bytes with their content type.</summary>
internal sealed record FuzzBody(string Case, Func<HttpContent?> Content);

/// <summary>
/// Hostile bodies for one JSON schema: starting from a body the route would accept (so each mutation reaches the
/// check it aims at), every property is in turn left out, set to null, given the wrong type, filled with NUL,
/// other control characters, lone surrogates, 100 KB of text, out-of-range numbers or undefined enum values;
/// then the body as a whole is malformed, empty, deeply nested, not UTF-8, or sent with a wrong content type.
/// </summary>
internal static class HostileBodies
{
    public const int LongText = 100_000;

    public static IEnumerable<FuzzBody> For(FuzzSchema schema, Func<string, FuzzSchema, JsonNode?> baseline, Random random)
    {
        var valid = Baseline(schema, "", baseline);
        if (valid is JsonObject)
        {
            foreach (var (path, property) in Properties(schema, []))
            {
                foreach (var (name, raw) in ValuesFor(property, random))
                {
                    yield return Json($"{string.Join('.', path)}: {name}", With(valid, path, raw));
                }
            }
        }
        yield return Json("baseline", valid?.ToJsonString() ?? "null");
        foreach (var (name, malformed) in MalformedJson)
        {
            yield return Json(name, malformed);
        }
        yield return new FuzzBody("invalid UTF-8", () => Bytes([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D], "application/json"));
        yield return new FuzzBody("no body", () => null);
        var text = valid?.ToJsonString() ?? "{}";
        yield return new FuzzBody("json as text/plain", () => new StringContent(text, Encoding.UTF8, "text/plain"));
        yield return new FuzzBody("json as application/xml", () => new StringContent(text, Encoding.UTF8, "application/xml"));
        yield return new FuzzBody("form-urlencoded", () => new FormUrlEncodedContent([new("a", "\0"), new("b", new string('x', 1000))]));
        yield return new FuzzBody("multipart", () => new MultipartFormDataContent
        {
            { new StringContent("\0\u0001"), "falt" },
            { new ByteArrayContent([0, 1, 2]), "files", "fil\u0001.csv" },
        });
        yield return new FuzzBody("json without content type", () =>
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            content.Headers.ContentType = null;
            return content;
        });
    }

    private static readonly (string Name, string Text)[] MalformedJson =
    [
        ("empty body", ""), ("truncated", "{"), ("not json", "inte json"), ("array", "[]"), ("null", "null"),
        ("string", "\"text\""), ("number", "12"), ("missing value", "{\"a\":}"), ("trailing comma", "{\"a\":1,}"),
        ("empty object", "{}"), ("deep nesting", new string('[', 500) + new string(']', 500)),
        ("NUL outside strings", "{\"a\"\u0000:1}"), ("duplicate keys", "{\"a\":1,\"a\":{}}"),
    ];

    /// <summary>Every property path, nested objects included (one level per reference, as the schema has them).</summary>
    private static IEnumerable<(string[] Path, FuzzSchema Schema)> Properties(FuzzSchema schema, string[] prefix)
    {
        foreach (var (name, property) in schema.Properties)
        {
            string[] path = [.. prefix, name];
            yield return (path, property);
            if (property.Type == "object" && prefix.Length < 2)
            {
                foreach (var inner in Properties(property, path))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>Hostile values (raw JSON text) for one property, by its type.</summary>
    private static IEnumerable<(string Name, string? Raw)> ValuesFor(FuzzSchema s, Random random)
    {
        yield return ("missing", null);
        yield return ("null", "null");
        yield return ("wrong type", s.Type switch
        {
            "string" => "12345",
            "integer" or "number" => "\"inte-ett-tal\"",
            "boolean" => "\"ja\"",
            "array" => "\"x\"",
            "object" => "[1,2]",
            _ => "{}",
        });
        if (s.Type == "string" && s.Enum.Count > 0)
        {
            yield return ("undefined enum name", "\"inte-ett-värde\"");
            yield return ("undefined enum number", "7");
            yield return ("negative enum number", "-1");
        }
        else if (s.Type == "string" && s.Format == "uuid")
        {
            yield return ("not a uuid", "\"inte-ett-id\"");
            yield return ("empty uuid", "\"00000000-0000-0000-0000-000000000000\"");
            yield return ("unknown uuid", $"\"{Guid.NewGuid()}\"");
        }
        else if (s.Type == "string")
        {
            foreach (var text in HostileTexts(random))
            {
                yield return text;
            }
        }
        else if (s.Type is "integer" or "number")
        {
            yield return ("int overflow", "2147483648");
            yield return ("huge", "1e400");
            yield return ("negative", "-1");
        }
        else if (s.Type == "array")
        {
            yield return ("array with null", "[null]");
            yield return ("array of numbers", "[1,2]");
            yield return ("array with NUL", "[\"a\\u0000b\"]");
            yield return ("array of 1000", "[" + string.Join(',', Enumerable.Repeat("\"x\"", 1000)) + "]");
        }
    }

    /// <summary>Text PostgreSQL cannot store or no person types, and text too long for any field.</summary>
    public static IEnumerable<(string Name, string Raw)> HostileTexts(Random random)
    {
        yield return ("NUL", "\"a\\u0000b\"");
        yield return ("C0 controls", "\"a\\u0001\\u001fb\\u007f\"");
        yield return ("lone high surrogate", "\"a\\ud800b\"");
        yield return ("lone low surrogate", "\"\\udc00\"");
        yield return ("100 KB", "\"" + new string('x', LongText) + "\"");
        yield return ("100 KB with NUL", "\"" + new string('y', LongText) + "\\u0000\"");
        yield return ("empty", "\"\"");
        yield return ("whitespace", "\"  \\t\\n \"");
        var chars = Enumerable.Range(0, 24).Select(_ => random.Next(0, 5) switch
        {
            0 => $"\\u{random.Next(0, 32):x4}",
            1 => $"\\u{random.Next(0xD800, 0xE000):x4}",
            2 => "\\\"",
            3 => "<script>",
            _ => ((char)random.Next('a', 'z' + 1)).ToString(),
        });
        yield return ("random controls and surrogates", "\"" + string.Concat(chars) + "\"");
    }

    private static JsonNode? Baseline(FuzzSchema schema, string name, Func<string, FuzzSchema, JsonNode?> pick)
    {
        if (pick(name, schema) is { } chosen)
        {
            return chosen;
        }
        return schema.Type switch
        {
            "object" => new JsonObject(schema.Properties.Select(p =>
                KeyValuePair.Create(p.Key, Baseline(p.Value, p.Key, pick)))),
            "array" => new JsonArray(schema.Items is null ? [] : [Baseline(schema.Items, name, pick)]),
            "integer" or "number" => JsonValue.Create(1),
            "boolean" => JsonValue.Create(true),
            _ when schema.Enum.Count > 0 => JsonValue.Create(schema.Enum[0]),
            _ when schema.Format == "uuid" => JsonValue.Create(Guid.NewGuid()),
            _ => JsonValue.Create("fuzz"),
        };
    }

    /// <summary>The body with the property at <paramref name="path"/> replaced by raw JSON (or removed when null).</summary>
    private static string With(JsonNode? valid, string[] path, string? raw)
    {
        const string Marker = "\"__fuzz_marker__\"";
        var copy = valid!.DeepClone();
        var parent = path[..^1].Aggregate(copy.AsObject(), (node, key) => node[key] as JsonObject ?? node);
        if (raw is null)
        {
            parent.Remove(path[^1]);
            return copy.ToJsonString();
        }
        parent[path[^1]] = "__fuzz_marker__";
        return copy.ToJsonString().Replace(Marker, raw);
    }

    private static FuzzBody Json(string name, string text) =>
        new(name, () => new StringContent(text, new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }));

    private static ByteArrayContent Bytes(byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }
}
