using NJsonSchema;
using NJsonSchema.Validation;
using NSwag;

namespace PingOne.Generated.Emulator;

/// <summary>
/// The request schemas of <c>openapi/pingone-mfa-devices.yaml</c>, the document the client is generated
/// from (embedded at build time), so the emulator and the client cannot disagree on the wire format.
/// </summary>
internal sealed class SpecContract
{
    private readonly JsonSchema _createVoiceDevice;

    private SpecContract(OpenApiDocument document)
    {
        Document = document;
        _createVoiceDevice = RequestSchema(document, "createVoiceDevice");
    }

    public OpenApiDocument Document { get; }

    public static async Task<SpecContract> LoadAsync()
    {
        await using var stream = typeof(SpecContract).Assembly.GetManifestResourceStream("pingone-mfa-devices.yaml")
            ?? throw new InvalidOperationException("The OpenAPI spec is not embedded in the emulator.");
        using var reader = new StreamReader(stream);
        var document = await OpenApiYamlDocument.FromYamlAsync(await reader.ReadToEndAsync().ConfigureAwait(false)).ConfigureAwait(false);
        return new SpecContract(document);
    }

    /// <summary>The problems of a create request body, each with the JSON path of the property at fault (e.g. <c>policy.id</c>).</summary>
    public IReadOnlyList<(string Target, string Problem)> CheckCreateVoiceDevice(string json) =>
        _createVoiceDevice.Validate(json).SelectMany(Flatten).Select(error => (Target(error), error.Kind.ToString())).ToList();

    private static JsonSchema RequestSchema(OpenApiDocument document, string operationId)
    {
        var operation = document.Operations.Single(o => o.Operation.OperationId == operationId).Operation;
        return operation.RequestBody!.Content["application/json"].Schema!.ActualSchema;
    }

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
