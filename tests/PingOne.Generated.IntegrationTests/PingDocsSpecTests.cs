using NSwag;
using static PingOne.Generated.Tests.PingDocsFixtures;

namespace PingOne.Generated.IntegrationTests;

/// <summary>
/// Ping's documented answers (Fixtures/PingDocs) against the spec: the spec is the single source of truth for the wire, so
/// it must accept every answer Ping documents, with the schema of the operation and status it answers.
/// </summary>
public class PingDocsSpecTests
{
    // Each documented answer with a body, and what it answers. A new *.response.json with a body must be added here.
    private static readonly (string Fixture, string OperationId)[] Answers =
    {
        ("create-voice-device", "createVoiceDevice"),
        ("device-limit", "createVoiceDevice"),
        ("update-device-nickname", "updateDeviceNickname"),
        ("read-mfa-settings", "getMfaSettings"),
        ("update-mfa-settings", "updateMfaSettings"),
        ("reset-mfa-settings", "resetMfaSettings"),
        ("create-test-user", "createUser"),
    };

    private static IEnumerable<TestCaseData> Cases() =>
        Answers.Select(a => new TestCaseData(a.Fixture, a.OperationId).SetName($"DocumentedAnswer_MatchesTheSpec({a.Fixture})"));

    [TestCaseSource(nameof(Cases))]
    public void DocumentedAnswer_MatchesTheSpec(string fixture, string operationId)
    {
        var documented = Response(fixture);
        var operation = Spec().Operations.Single(o => o.Operation.OperationId == operationId).Operation;
        var status = documented.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.That(operation.Responses.Keys, Does.Contain(status), $"{operationId} documents no {status}");
        var schema = operation.Responses[status].ActualResponse.Content["application/json"].Schema!.ActualSchema;
        Assert.That(schema.Validate(documented.Body!.ToString()), Is.Empty, $"{fixture} as {operationId} {status}");
    }

    [Test]
    public void EveryDocumentedAnswerWithABody_IsChecked()
    {
        var directory = Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "PingDocs");
        var withBody = Directory.GetFiles(directory, "*.response.json")
            .Select(f => Path.GetFileName(f)[..^".response.json".Length])
            .Where(name => Response(name).Body is not null);

        Assert.That(withBody, Is.EquivalentTo(Answers.Select(a => a.Fixture)));
    }

    private static OpenApiDocument Spec() =>
        OpenApiYamlDocument.FromFileAsync(Path.Combine(TestContext.CurrentContext.TestDirectory, "openapi", "pingone-mfa-devices.yaml")).GetAwaiter().GetResult();
}
