using System.Text.Json;

namespace Skriptoteket.Web.Tests.Fuzz;

/// <summary>One operation of the OpenAPI document: where it is, what it takes.</summary>
internal sealed record FuzzRoute(string Method, string Template, IReadOnlyList<FuzzParameter> PathParameters,
    IReadOnlyList<FuzzParameter> QueryParameters, FuzzSchema? Body)
{
    public override string ToString() => $"{Method} {Template}";
}

internal sealed record FuzzParameter(string Name, FuzzSchema Schema);

/// <summary>A JSON schema reduced to what the generator needs; references are resolved, nullability kept.</summary>
internal sealed record FuzzSchema(string Type, string? Format, bool Nullable, IReadOnlyList<string> Enum,
    IReadOnlyDictionary<string, FuzzSchema> Properties, IReadOnlyList<string> Required, FuzzSchema? Items);

/// <summary>Reads every route of the served OpenAPI document (the suite walks what the product documents).</summary>
internal static class OpenApiRoutes
{
    public static IReadOnlyList<FuzzRoute> Read(JsonElement document)
    {
        var schemas = document.GetProperty("components").TryGetProperty("schemas", out var s) ? s : default;
        var routes = new List<FuzzRoute>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var p)
                    ? p.EnumerateArray().Select(x => (In: x.GetProperty("in").GetString(),
                        Parameter: new FuzzParameter(x.GetProperty("name").GetString()!, Schema(x.GetProperty("schema"), schemas, 0)))).ToList()
                    : [];
                FuzzSchema? body = null;
                if (operation.Value.TryGetProperty("requestBody", out var requestBody)
                    && requestBody.GetProperty("content").TryGetProperty("application/json", out var json))
                {
                    body = Schema(json.GetProperty("schema"), schemas, 0);
                }
                routes.Add(new FuzzRoute(operation.Name.ToUpperInvariant(), path.Name,
                    parameters.Where(x => x.In == "path").Select(x => x.Parameter).ToList(),
                    parameters.Where(x => x.In == "query").Select(x => x.Parameter).ToList(), body));
            }
        }
        return routes;
    }

    private static FuzzSchema Schema(JsonElement schema, JsonElement schemas, int depth)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return Schema(schemas.GetProperty(reference.GetString()!.Split('/')[^1]), schemas, depth + 1);
        }
        if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf))
        {
            var options = oneOf.EnumerateArray().ToList();
            var real = options.FirstOrDefault(o => !IsNullType(o));
            var inner = real.ValueKind == JsonValueKind.Undefined ? Leaf("string", null, true) : Schema(real, schemas, depth + 1);
            return inner with { Nullable = inner.Nullable || options.Any(IsNullType) };
        }
        var (type, nullable) = TypeOf(schema);
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        var values = schema.TryGetProperty("enum", out var e)
            ? e.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : [];
        if (values.Count > 0)
        {
            type = "string";
            nullable |= e.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.Null);
        }
        var properties = new Dictionary<string, FuzzSchema>();
        if (depth < 4 && schema.TryGetProperty("properties", out var props))
        {
            foreach (var prop in props.EnumerateObject())
            {
                properties[prop.Name] = Schema(prop.Value, schemas, depth + 1);
            }
            type = "object";
        }
        var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
        var items = schema.TryGetProperty("items", out var i) && depth < 4 ? Schema(i, schemas, depth + 1) : null;
        return new FuzzSchema(type, format, nullable, values, properties, required, items);
    }

    private static FuzzSchema Leaf(string type, string? format, bool nullable) => new(type, format, nullable, [],
        new Dictionary<string, FuzzSchema>(), [], null);

    private static bool IsNullType(JsonElement schema) =>
        schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null";

    /// <summary>OpenAPI 3.1 writes nullable types as ["null", "string"]; query integers as ["integer", "string"].</summary>
    private static (string Type, bool Nullable) TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var t))
        {
            return ("any", false);
        }
        if (t.ValueKind == JsonValueKind.String)
        {
            return (t.GetString()!, false);
        }
        var names = t.EnumerateArray().Select(x => x.GetString()!).ToList();
        var real = names.FirstOrDefault(n => n is not "null" and not "string") ?? names.FirstOrDefault(n => n != "null") ?? "string";
        return (real, names.Contains("null"));
    }
}
