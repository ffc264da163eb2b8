using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using NSwag;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.IntegrationTests;

/// <summary>The emulator accepts every example of the spec and answers with bodies the spec's schemas accept.</summary>
public class SpecExamplesTests
{
    private static OpenApiDocument Spec() =>
        OpenApiYamlDocument.FromFileAsync(System.IO.Path.Combine(TestContext.CurrentContext.TestDirectory, "openapi", "pingone-mfa-devices.yaml")).GetAwaiter().GetResult();

    [Test]
    public async Task EveryRequestExample_IsAcceptedAndAnsweredPerTheSpec()
    {
        var spec = Spec();
        // The activation example's OTP is fixed in the spec; the emulator issues that one.
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { FixedOtp = "123456" });
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var pending = CreateVoiceDeviceRequest.Create("+15125551234", EmulatorSeed.PolicyId);
        pending.Status = DeviceCreationStatus.ActivationRequired;
        var device = await client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, pending);
        using var http = new HttpClient();
        var token = await EmulatorClient.TokenAsync(emulator);
        var sent = 0;

        foreach (var operation in spec.Operations.Where(o => o.Operation.RequestBody is not null))
        {
            var (mediaType, content) = operation.Operation.RequestBody!.Content.First();
            foreach (var (name, example) in content.Examples)
            {
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method.ToUpperInvariant()), new Uri(emulator.ApiBaseAddress, Path(operation.Path, device.Id)))
                {
                    Content = new StringContent(JsonConvert.SerializeObject(example.Value), Encoding.UTF8, mediaType),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();

                var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                Assert.That(operation.Operation.Responses.Keys, Does.Contain(status), $"{operation.Operation.OperationId} example {name}: {body}");
                Assert.That((int)response.StatusCode, Is.InRange(200, 299), $"{operation.Operation.OperationId} example {name}: {body}");
                var schema = operation.Operation.Responses[status].Content["application/json"].Schema!.ActualSchema;
                Assert.That(schema.Validate(body), Is.Empty, $"{operation.Operation.OperationId} answer to example {name}");
                sent++;
            }
        }

        Assert.That(sent, Is.EqualTo(3), "createVoiceDevice, activateDevice and updateDeviceNickname each have an example");
    }

    [Test]
    public async Task EveryReadOperation_AnswersPerTheSpec()
    {
        var spec = Spec();
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var device = await client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551234", EmulatorSeed.PolicyId, "313#"));
        using var http = new HttpClient();
        var token = await EmulatorClient.TokenAsync(emulator);

        var reads = spec.Operations.Where(o => o.Method == "get").ToList();
        foreach (var operation in reads)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.ApiBaseAddress, Path(operation.Path, device.Id)));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();

            Assert.That((int)response.StatusCode, Is.EqualTo(200), $"{operation.Operation.OperationId}: {body}");
            Assert.That(operation.Operation.Responses["200"].Content["application/json"].Schema!.ActualSchema.Validate(body), Is.Empty, operation.Operation.OperationId);
        }

        Assert.That(reads.Select(o => o.Operation.OperationId), Is.EquivalentTo(new[] { "listDevices", "getDevice", "getMfaSettings", "listUsers", "getUser" }));
    }

    [Test]
    public void EveryResponseExample_MatchesItsSchema()
    {
        var checkedExamples = 0;
        foreach (var operation in Spec().Operations)
        foreach (var (status, response) in operation.Operation.Responses)
        foreach (var (media, content) in response.Content)
        foreach (var (name, example) in content.Examples)
        {
            Assert.That(content.Schema!.ActualSchema.Validate(JsonConvert.SerializeObject(example.Value)), Is.Empty, $"{operation.Operation.OperationId} {status} {media} {name}");
            checkedExamples++;
        }

        Assert.That(checkedExamples, Is.GreaterThan(0));
    }

    private static string Path(string template, string deviceId = "none") => template.TrimStart('/')
        .Replace("{envID}", EmulatorSeed.EnvironmentId, StringComparison.Ordinal)
        .Replace("{userID}", EmulatorSeed.UserId, StringComparison.Ordinal)
        .Replace("{deviceID}", deviceId, StringComparison.Ordinal);
}
