using System.Net;
using System.Net.Http.Headers;
using System.Text;
using PingOne.Generated;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.IntegrationTests;

/// <summary>The library against the emulator over real loopback HTTP.</summary>
public class EmulatorIntegrationTests
{
    [Test]
    public async Task CreateVoiceDevice_EndToEnd_WithTheRealTokenFlow()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new EmulatorClient(emulator);

        var device = await client.Client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId,
            CreateVoiceDeviceRequest.Create("+1 (512) 555-1234 ext. 313#", EmulatorSeed.PolicyId));

        Assert.Multiple(() =>
        {
            Assert.That(device.Type, Is.EqualTo("VOICE"));
            Assert.That(device.Status, Is.EqualTo("ACTIVE"));
            Assert.That(device.Phone, Is.EqualTo("+15125551234"));
            Assert.That(device.Extension, Is.EqualTo("313#"));
            Assert.That(device.Links?.Self?.Href, Is.EqualTo($"{emulator.ApiBaseAddress}environments/{EmulatorSeed.EnvironmentId}/users/{EmulatorSeed.UserId}/devices/{device.Id}"));
            Assert.That(device.CreatedAt, Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
            Assert.That(emulator.DevicesOf(EmulatorSeed.UserId).Select(d => d.Id), Is.EqualTo(new[] { device.Id }));
        });
    }

    [Test]
    public async Task ListAndGet_ReturnTheCreatedDevice()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new EmulatorClient(emulator);
        var created = await client.Client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.SecondUserId, CreateVoiceDeviceRequest.Create("+44 20 7946 0958", EmulatorSeed.PolicyId));

        var listed = await client.Client.ListDevicesAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.SecondUserId);
        var read = await client.Client.GetDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.SecondUserId, created.Id);

        Assert.That(listed.Select(d => d.Id), Is.EqualTo(new[] { created.Id }));
        Assert.That(read.Phone, Is.EqualTo("+442079460958"));
    }

    [Test]
    public async Task UnknownUser_IsNotFound()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new EmulatorClient(emulator);

        var error = Assert.CatchAsync<PingOneException>(() => client.Client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, "no-such-user", CreateVoiceDeviceRequest.Create("+15125551234", EmulatorSeed.PolicyId)));

        Assert.That(error!.Status, Is.EqualTo(404));
        Assert.That(error.ErrorCode == PingOneErrorCode.NotFound, Is.True);
    }

    [Test]
    public async Task UnknownPolicy_IsInvalidDataTargetingPolicyId()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new EmulatorClient(emulator);

        var error = Assert.CatchAsync<PingOneException>(() => client.Client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551234", "no-such-policy")));

        AssertInvalidData(error!, "policy.id");
    }

    [Test]
    public async Task PhoneTheEmulatorCannotAccept_IsInvalidDataTargetingPhone()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new EmulatorClient(emulator, options => options.PhoneNormalization = new PhoneNormalizationOptions { Validation = PhoneValidation.Possible });

        var error = Assert.CatchAsync<PingOneException>(() => client.Client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId,
            new CreateVoiceDeviceRequest { Phone = "+1 123 456 7890", Policy = new DevicePolicyReference { Id = EmulatorSeed.PolicyId } }));

        AssertInvalidData(error!, "phone");
        Assert.That(error!.Message, Does.Not.Contain("1234567890"));
    }

    [Test]
    public async Task ExtensionWhileExtensionsAreDisabled_IsInvalidDataTargetingExtension()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { PhoneExtensionsEnabled = false });
        using var client = new EmulatorClient(emulator);

        var error = Assert.CatchAsync<PingOneException>(() => client.Client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551234", EmulatorSeed.PolicyId, "313#")));

        AssertInvalidData(error!, "extension");
    }

    [Test]
    public async Task MoreDevicesThanTheLimit_IsRefused()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { MaxDevicesPerUser = 2 });
        using var client = new EmulatorClient(emulator);
        await client.Client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551234", EmulatorSeed.PolicyId));
        await client.Client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551235", EmulatorSeed.PolicyId));

        var error = Assert.CatchAsync<PingOneException>(() => client.Client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551236", EmulatorSeed.PolicyId)));

        AssertInvalidData(error!, "devices");
        Assert.That(error!.Details.Single().Code, Is.EqualTo("LIMIT_EXCEEDED"));
        Assert.That(emulator.DevicesOf(EmulatorSeed.UserId), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task InvalidToken_IsAccessFailed()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        var options = emulator.ClientOptions();
        using var http = new HttpClient(new PingOneAuthenticationHandler(new StaticAccessTokenProvider("not-a-token", emulator.ApiBaseAddress, true), true) { InnerHandler = new SocketsHttpHandler() });
        var client = new PingOneMfaClient(http, options);

        var error = Assert.CatchAsync<PingOneException>(() => client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551234", EmulatorSeed.PolicyId)));

        Assert.That(error!.Status, Is.EqualTo(401));
        Assert.That(error.ErrorCode == PingOneErrorCode.AccessFailed, Is.True);
    }

    [TestCase("""{"type":"VOICE","policy":{"id":"5a3b0b6c-1f4e-4b8a-9d0c-6e2f7a8b9c0d"}}""", "phone")]
    [TestCase("""{"type":"SMS","phone":"+15125551234","policy":{"id":"5a3b0b6c-1f4e-4b8a-9d0c-6e2f7a8b9c0d"}}""", "type")]
    [TestCase("""{"type":"VOICE","phone":"+15125551234","policy":{}}""", "policy.id")]
    [TestCase("""{"type":"VOICE","phone":"+15125551234","extension":"31a","policy":{"id":"5a3b0b6c-1f4e-4b8a-9d0c-6e2f7a8b9c0d"}}""", "extension")]
    public async Task BodyAgainstTheSpec_IsInvalidDataNamingTheField(string body, string target)
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new EmulatorClient(emulator);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.ApiBaseAddress, $"environments/{EmulatorSeed.EnvironmentId}/users/{EmulatorSeed.UserId}/devices"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await client.TokenAsync());

        using var response = await http.SendAsync(request);
        var error = Newtonsoft.Json.JsonConvert.DeserializeObject<PingOneError>(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(error.Code, Is.EqualTo("INVALID_DATA"));
        Assert.That(error.Details!.Select(d => d.Target), Does.Contain(target));
    }

    [Test]
    public async Task RateLimited_RequestsAreRetriedAfterRetryAfter()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { RateLimitPerSecond = 1 });
        using var client = new EmulatorClient(emulator);
        var started = DateTimeOffset.UtcNow;

        for (var i = 0; i < 3; i++)
            await client.Client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create($"+1512555123{i}", EmulatorSeed.PolicyId));

        Assert.That(emulator.DevicesOf(EmulatorSeed.UserId), Has.Count.EqualTo(3));
        Assert.That(DateTimeOffset.UtcNow - started, Is.GreaterThan(TimeSpan.FromSeconds(0.9)), "at least one 429 was waited out");
    }

    [Test]
    public async Task ServerErrorAfterCreating_WithSafeRetry_ReturnsThatDeviceAndCreatesNoDuplicate()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { ServerErrorAfterCreateRate = 1 });
        using var client = new EmulatorClient(emulator, options => options.Retry.SafeRetry = true);

        var device = await client.Client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551234", EmulatorSeed.PolicyId, "313#"));

        var stored = emulator.DevicesOf(EmulatorSeed.UserId);
        Assert.That(stored.Select(d => d.Id), Is.EqualTo(new[] { device.Id }));
    }

    [Test]
    public async Task ServerErrorAfterCreating_WithoutSafeRetry_SaysTheDeviceMayExist()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { ServerErrorAfterCreateRate = 1 });
        using var client = new EmulatorClient(emulator);

        var error = Assert.CatchAsync<PingOneException>(() => client.Client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551234", EmulatorSeed.PolicyId)));

        Assert.That(error!.DeviceMayHaveBeenCreated, Is.True);
        Assert.That(emulator.DevicesOf(EmulatorSeed.UserId), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task DroppedConnections_WithSafeRetry_EndWithOneDevice()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { DropConnectionRate = 0.5, RandomSeed = 7 });
        using var client = new EmulatorClient(emulator, options => { options.Retry.SafeRetry = true; options.Retry.MaxAttempts = 10; options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10); });

        var device = await client.Client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.ThirdUserId, CreateVoiceDeviceRequest.Create("+15125551234", EmulatorSeed.PolicyId));

        Assert.That(emulator.DevicesOf(EmulatorSeed.ThirdUserId).Select(d => d.Id), Is.EqualTo(new[] { device.Id }));
    }

    private static void AssertInvalidData(PingOneException error, string target)
    {
        Assert.That(error.Status, Is.EqualTo(400));
        Assert.That(error.ErrorCode == PingOneErrorCode.InvalidData, Is.True, error.Message);
        Assert.That(error.Details.Select(d => d.Target), Does.Contain(target));
        Assert.That(error.Message, Does.Contain($"[{target}]"));
    }
}
