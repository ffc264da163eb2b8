using NJsonSchema;
using NJsonSchema.Validation;
using NSwag;

namespace PingOne.Generated.Emulator;

/// <summary>
/// The request schemas of <c>openapi/pingone-mfa-devices.yaml</c>, the document the client is generated
/// from (embedded at build time), so the emulator and the client cannot disagree on the wire format.
/// </summary>
internal sealed partial class SpecContract
{
    private readonly OpenApiDocument _document;
    private readonly Dictionary<string, JsonSchema> _requestSchemas;

    // Parsing the YAML and resolving its references is the slow part of starting an emulator; the result is read-only.
    private static readonly Lazy<Task<SpecContract>> Shared = new(LoadOnceAsync);

    private SpecContract(OpenApiDocument document)
    {
        _document = document;
        _requestSchemas = document.Operations
            .Where(o => o.Operation.RequestBody is not null)
            .ToDictionary(o => o.Operation.OperationId, o => o.Operation.RequestBody!.Content.Values.First().Schema!.ActualSchema, StringComparer.Ordinal);
    }

    public static Task<SpecContract> LoadAsync() => Shared.Value;

    private static async Task<SpecContract> LoadOnceAsync()
    {
        await using var stream = typeof(SpecContract).Assembly.GetManifestResourceStream("pingone-mfa-devices.yaml")
            ?? throw new InvalidOperationException("The OpenAPI spec is not embedded in the emulator.");
        using var reader = new StreamReader(stream);
        var document = await OpenApiYamlDocument.FromYamlAsync(await reader.ReadToEndAsync().ConfigureAwait(false)).ConfigureAwait(false);
        return new SpecContract(document);
    }

    /// <summary>The problems of an operation's request body, each with the JSON path of the property at fault (e.g. <c>policy.id</c>).</summary>
    /// <exception cref="Newtonsoft.Json.JsonException">The body is not JSON.</exception>
    public IReadOnlyList<(string Target, string Problem)> CheckRequest(string operationId, string json) =>
        _requestSchemas[operationId].Validate(json).SelectMany(Flatten).Select(error => (Target(error), error.Kind.ToString())).ToList();

    private static IEnumerable<ValidationError> Flatten(ValidationError error) =>
        error is ChildSchemaValidationError child ? child.Errors.SelectMany(e => e.Value).SelectMany(Flatten).DefaultIfEmpty(error) : new[] { error };

    // NJsonSchema paths look like "#/policy.id"; PingOne's details[].target is the dotted property path.
    private static string Target(ValidationError error)
    {
        var path = (error.Path ?? string.Empty).TrimStart('#', '/');
        if (error.Kind == ValidationErrorKind.PropertyRequired && !string.IsNullOrEmpty(error.Property) && !path.EndsWith(error.Property, StringComparison.Ordinal))
            path = path.Length == 0 ? error.Property : path + "." + error.Property;
        return path.Length == 0 ? "body" : path;
    }
}
