using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace PingOne.Generated.Emulator;

/// <summary>
/// An answer held against the spec's response schemas: what PingOne sends that the spec does not declare, what the spec
/// requires that PingOne did not send, and values the schema refuses, each named by the spec path to change.
/// </summary>
internal sealed partial class SpecContract
{
    private Dictionary<JsonSchema, string>? _componentNames;

    /// <summary>One difference between an answer and the spec.</summary>
    /// <param name="SpecPath">Where in the spec to change it, e.g. <c>#/components/schemas/VoiceDevice/properties/foo</c>.</param>
    /// <param name="JsonPath">Where in the answer it is, e.g. <c>_embedded.devices[0].foo</c>.</param>
    /// <param name="Problem">What differs, in words.</param>
    public sealed record Drift(string SpecPath, string JsonPath, string Problem);

    /// <summary>Whether the spec declares the operation (by <c>operationId</c>).</summary>
    public bool HasOperation(string operationId) => _document.Operations.Any(o => o.Operation.OperationId == operationId);

    /// <summary>
    /// The differences between an answer of an operation and the schema the spec gives that status (or <c>default</c>).
    /// An answer with a status the spec does not list is itself a difference; one the spec gives no body is not checked.
    /// </summary>
    /// <exception cref="Newtonsoft.Json.JsonException">The body is not JSON.</exception>
    public IReadOnlyList<Drift> CheckResponse(string operationId, int status, string body)
    {
        var operation = _document.Operations.Single(o => o.Operation.OperationId == operationId);
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var responsePath = $"#/paths/{operation.Path.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}/{operation.Method.ToLowerInvariant()}/responses";
        if (!operation.Operation.ActualResponses.TryGetValue(code, out var response) && !operation.Operation.ActualResponses.TryGetValue("default", out response))
            return new[] { new Drift($"{responsePath}/{code}", "(status)", $"PingOne answered {status}, a status the spec does not list for {operationId}") };
        var schema = response.ActualResponse.Content.Values.FirstOrDefault()?.Schema;
        if (schema is null || string.IsNullOrWhiteSpace(body)) return Array.Empty<Drift>();
        var drifts = new List<Drift>();
        Walk(JToken.Parse(body), schema, $"{responsePath}/{code}/content/application~1json/schema", string.Empty, drifts);
        return drifts;
    }

    private void Walk(JToken token, JsonSchema schema, string specPath, string jsonPath, List<Drift> drifts)
    {
        var actual = schema.ActualSchema;
        if ((_componentNames ??= _document.Components.Schemas.ToDictionary<KeyValuePair<string, JsonSchema>, JsonSchema, string>(s => s.Value.ActualSchema, s => s.Key, ReferenceEqualityComparer.Instance))
            .TryGetValue(actual, out var name))
            specPath = "#/components/schemas/" + name;
        switch (token)
        {
            case JObject obj when actual.ActualProperties.Count > 0:
                foreach (var property in obj.Properties())
                {
                    var at = jsonPath.Length == 0 ? property.Name : jsonPath + "." + property.Name;
                    if (actual.ActualProperties.TryGetValue(property.Name, out var declared))
                        Walk(property.Value, declared, specPath + "/properties/" + Escape(property.Name), at, drifts);
                    else
                        drifts.Add(new Drift(specPath + "/properties/" + Escape(property.Name), at, $"PingOne sends '{property.Name}', which the spec does not declare"));
                }
                foreach (var required in actual.RequiredProperties.Where(r => obj.Property(r) is null))
                    drifts.Add(new Drift(specPath + "/required", jsonPath.Length == 0 ? required : jsonPath + "." + required, $"the spec requires '{required}', which PingOne did not send"));
                break;
            case JArray array when actual.Item is { } item:
                for (var i = 0; i < array.Count; i++) Walk(array[i], item, specPath + "/items", $"{jsonPath}[{i}]", drifts);
                break;
            default:
                // A value: NJsonSchema judges its type, nullability, format and bounds with the spec's OpenAPI 3 rules. An object whose schema
                // declares no properties (free-form) is taken as it is.
                if (token is JObject or JArray)
                {
                    var expected = token is JObject ? JsonObjectType.Object : JsonObjectType.Array;
                    if (actual.Type != JsonObjectType.None && !actual.Type.HasFlag(expected))
                        drifts.Add(new Drift(specPath, jsonPath.Length == 0 ? "body" : jsonPath, $"the value does not match the spec (an {expected.ToString().ToLowerInvariant()} where the spec says {actual.Type.ToString().ToLowerInvariant()})"));
                }
                else
                    drifts.AddRange(actual.Validate(token, SchemaType.OpenApi3).Select(error => new Drift(specPath, jsonPath.Length == 0 ? "body" : jsonPath, $"the value does not match the spec ({error.Kind})")));
                break;
        }
    }

    // JSON Pointer escaping of a property name inside a spec path.
    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
