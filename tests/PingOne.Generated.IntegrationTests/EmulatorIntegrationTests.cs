using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using PingOne.Generated.Emulator;
using PingOne.Generated.Tests;

namespace PingOne.Generated.IntegrationTests;

/// <summary>The library against the emulator over real loopback HTTP.</summary>
public class EmulatorIntegrationTests
{
    [Test]
    public async Task CreateVoiceDevice_EndToEnd_WithTheRealTokenFlow()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());

        var device = await client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId,
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
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var created = await client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.SecondUserId, CreateVoiceDeviceRequest.Create("+44 20 7946 0958", EmulatorSeed.PolicyId));

        var listed = await client.ListDevicesAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.SecondUserId);
        var read = await client.GetDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.SecondUserId, created.Id);

        Assert.That(listed.Select(d => d.Id), Is.EqualTo(new[] { created.Id }));
        Assert.That(read.Phone, Is.EqualTo("+442079460958"));
    }

    [Test]
    public async Task UnknownUser_IsNotFound()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());

        var error = Assert.CatchAsync<PingOneException>(() => client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, "0b0b0b0b-0000-4000-8000-00000000dead", CreateVoiceDeviceRequest.Create("+15125551234", EmulatorSeed.PolicyId)));

        Assert.That(error!.Kind, Is.EqualTo(PingOneFailureKind.Refused));
        Assert.That(error.Status, Is.EqualTo(404));
        Assert.That(error.ErrorCode == PingOneErrorCode.NotFound, Is.True);
    }

    [Test]
    public async Task UnknownPolicy_IsInvalidDataTargetingPolicyId()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());

        var error = Assert.CatchAsync<PingOneException>(() => client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551234", "0c0c0c0c-0000-4000-8000-00000000dead")));

        AssertInvalidData(error!, "policy.id");
    }

    [Test]
    public async Task PhoneTheEmulatorCannotAccept_IsARefusalTargetingPhone()
    {
        // The client only sends E.164; a transport that rewrites the phone stands in for a PingOne stricter than the client.
        await using var emulator = await PingOneEmulator.StartAsync();
        using var transport = new PhoneRewriter("+1 512 555 1234 ext. 9") { InnerHandler = new SocketsHttpHandler() };
        using var client = new PingOneMfaClient(EmulatorClient.Options(emulator, options => options.Transport = transport));

        var error = Assert.CatchAsync<PingOneException>(() => client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551234", EmulatorSeed.PolicyId)));

        Assert.That(transport.Rewritten, Is.EqualTo(1));
        AssertInvalidData(error!, "phone");
        Assert.That(error!.DeviceMayHaveBeenCreated, Is.False);
        Assert.That(emulator.DevicesOf(EmulatorSeed.UserId), Is.Empty);
    }

    [TestCaseSource(typeof(SeedSpellings), nameof(SeedSpellings.All))]
    public async Task DocumentedSpelling_IsAccepted_AndStoredAndEchoedExactlyAsSent(string phone)
    {
        await using var emulator = await PingOneEmulator.StartAsync();

        using var created = await PostDeviceAsync(emulator, phone);
        var body = JObject.Parse(await created.Content.ReadAsStringAsync());

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), body.ToString());
        Assert.That(body["phone"]!.Value<string>(), Is.EqualTo(phone));
        Assert.That(emulator.DevicesOf(EmulatorSeed.UserId).Single().Phone, Is.EqualTo(phone));
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var read = await client.GetDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, body["id"]!.Value<string>()!);
        Assert.That(read.Phone, Is.EqualTo(phone));
    }

    [TestCase("+1 512 555 1234 ext. 313", TestName = "{m}: extension text")]
    [TestCase("+1 512 555 1234#", TestName = "{m}: DTMF sign")]
    [TestCase("+1 800 FLOWERS", TestName = "{m}: letters")]
    [TestCase("+1 (512 555-1234", TestName = "{m}: unclosed parenthesis")]
    [TestCase("+1 ((512)) 555-1234", TestName = "{m}: nested parentheses")]
    [TestCase("++15125551234", TestName = "{m}: two plus signs")]
    [TestCase("1+5125551234", TestName = "{m}: plus inside")]
    [TestCase("-15125551234", TestName = "{m}: leading separator")]
    [TestCase("+1 512 555 1234.", TestName = "{m}: trailing separator")]
    [TestCase("+1/512/555/1234", TestName = "{m}: slashes")]
    [TestCase("12345", TestName = "{m}: too few digits")]
    [TestCase("+1234567890123456", TestName = "{m}: too many digits")]
    [TestCase("+", TestName = "{m}: no digits")]
    public async Task PhoneOutsidePingOnesSpellings_IsInvalidDataTargetingPhone(string phone)
    {
        await using var emulator = await PingOneEmulator.StartAsync();

        using var response = await PostDeviceAsync(emulator, phone);
        var error = Newtonsoft.Json.JsonConvert.DeserializeObject<PingOneError>(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(error.Code, Is.EqualTo("INVALID_DATA"));
        Assert.That(error.Details!.First().Target, Is.EqualTo("phone"));
        Assert.That(emulator.DevicesOf(EmulatorSeed.UserId), Is.Empty);
    }

    [Test]
    public void TheEmulator_DoesNotUseTheClientsPhoneNormalizer()
    {
        // Read from the compiled emulator: which of the library's types it refers to.
        var path = typeof(PingOneEmulator).Assembly.Location;
        using var stream = File.OpenRead(path);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        var referenced = metadata.TypeReferences.Select(handle => metadata.GetString(metadata.GetTypeReference(handle).Name)).ToList();
        var members = metadata.MemberReferences.Select(handle => metadata.GetString(metadata.GetMemberReference(handle).Name)).ToList();

        Assert.That(referenced, Does.Contain("VoiceDevice"), "the check reads the right assembly");
        Assert.That(referenced, Has.None.AnyOf("PhoneNumberNormalizer", "NormalizedPhone", "PhoneNormalizationOptions"));
        Assert.That(members, Has.None.EqualTo("IsVoiceDeviceFor"));
    }

    [Test]
    public async Task ExtensionWhileExtensionsAreDisabled_IsInvalidDataTargetingExtension()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { PhoneExtensionsEnabled = false });
        using var client = new PingOneMfaClient(emulator.ClientOptions());

        var error = Assert.CatchAsync<PingOneException>(() => client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551234", EmulatorSeed.PolicyId, "313#")));

        AssertInvalidData(error!, "extension");
    }

    [Test]
    public async Task MoreDevicesThanTheLimit_IsRefused()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { MaxDevicesPerUser = 2 });
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        await client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551234", EmulatorSeed.PolicyId));
        await client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551235", EmulatorSeed.PolicyId));

        var error = Assert.CatchAsync<PingOneException>(() => client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551236", EmulatorSeed.PolicyId)));

        Assert.Multiple(() =>
        {
            Assert.That((error!.Status, error.Kind, error.Error?.Code), Is.EqualTo((400, PingOneFailureKind.Refused, "REQUEST_FAILED")));
            Assert.That(error.Details.Single().Code, Is.EqualTo("LIMIT_EXCEEDED"));
            Assert.That(error.Details.Single().InnerError?.MaximumAllowed, Is.EqualTo(2));
            Assert.That(error.DeviceMayHaveBeenCreated, Is.False);
        });
        Assert.That(emulator.DevicesOf(EmulatorSeed.UserId), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task InvalidToken_IsAccessFailed()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(EmulatorClient.Options(emulator, options =>
        {
            options.ClientId = null;
            options.ClientSecret = null;
            options.AccessToken = "not-a-token";
        }));

        var error = Assert.CatchAsync<PingOneException>(() => client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551234", EmulatorSeed.PolicyId)));

        Assert.That(error!.Kind, Is.EqualTo(PingOneFailureKind.Refused));
        Assert.That(error.Status, Is.EqualTo(401));
        Assert.That(error.ErrorCode == PingOneErrorCode.AccessFailed, Is.True);
    }

    [TestCase("""{"type":"VOICE","policy":{"id":"5a3b0b6c-1f4e-4b8a-9d0c-6e2f7a8b9c0d"}}""", "phone")]
    [TestCase("""{"type":"SMS","phone":"+15125551234","policy":{"id":"5a3b0b6c-1f4e-4b8a-9d0c-6e2f7a8b9c0d"}}""", "type")]
    [TestCase("""{"type":"VOICE","phone":"+15125551234","policy":{}}""", "policy.id")]
    [TestCase("""{"type":"VOICE","phone":"+15125551234","extension":"31a","policy":{"id":"5a3b0b6c-1f4e-4b8a-9d0c-6e2f7a8b9c0d"}}""", "extension")]
    public async Task BodyAgainstTheSpec_IsInvalidDataNamingTheField(string body, string target)
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.ApiBaseAddress, $"environments/{EmulatorSeed.EnvironmentId}/users/{EmulatorSeed.UserId}/devices"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await EmulatorClient.TokenAsync(emulator));

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
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var started = DateTimeOffset.UtcNow;

        for (var i = 0; i < 3; i++)
            await client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create($"+1512555123{i}", EmulatorSeed.PolicyId));

        Assert.That(emulator.DevicesOf(EmulatorSeed.UserId), Has.Count.EqualTo(3));
        Assert.That(DateTimeOffset.UtcNow - started, Is.GreaterThan(TimeSpan.FromSeconds(0.9)), "at least one 429 was waited out");
    }

    [Test]
    public async Task ServerErrorAfterCreating_WithSafeRetry_ReturnsThatDeviceAndCreatesNoDuplicate()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { ServerErrorAfterCreateRate = 1 });
        using var client = new PingOneMfaClient(EmulatorClient.Options(emulator, options => options.Retry.SafeRetry = true));

        var device = await client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551234", EmulatorSeed.PolicyId, "313#"));

        var stored = emulator.DevicesOf(EmulatorSeed.UserId);
        Assert.That(stored.Select(d => d.Id), Is.EqualTo(new[] { device.Id }));
    }

    [Test]
    public async Task ServerErrorAfterCreating_WithoutSafeRetry_SaysTheDeviceMayExist()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { ServerErrorAfterCreateRate = 1 });
        using var client = new PingOneMfaClient(emulator.ClientOptions());

        var error = Assert.CatchAsync<PingOneException>(() => client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551234", EmulatorSeed.PolicyId)));

        Assert.That(error!.Kind, Is.EqualTo(PingOneFailureKind.Unavailable));
        Assert.That(error.DeviceMayHaveBeenCreated, Is.True);
        Assert.That(emulator.DevicesOf(EmulatorSeed.UserId), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task DroppedConnections_WithSafeRetry_EndWithOneDevice()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { DropConnectionRate = 0.5, RandomSeed = 7 });
        using var client = new PingOneMfaClient(EmulatorClient.Options(emulator, options => { options.Retry.SafeRetry = true; options.Retry.MaxAttempts = 10; options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10); }));

        var device = await client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.ThirdUserId, CreateVoiceDeviceRequest.Create("+15125551234", EmulatorSeed.PolicyId));

        Assert.That(emulator.DevicesOf(EmulatorSeed.ThirdUserId).Select(d => d.Id), Is.EqualTo(new[] { device.Id }));
    }

    private static async Task<HttpResponseMessage> PostDeviceAsync(PingOneEmulator emulator, string phone)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.ApiBaseAddress, $"environments/{EmulatorSeed.EnvironmentId}/users/{EmulatorSeed.UserId}/devices"))
        {
            Content = new StringContent(new JObject { ["type"] = "VOICE", ["phone"] = phone, ["policy"] = new JObject { ["id"] = EmulatorSeed.PolicyId } }.ToString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await EmulatorClient.TokenAsync(emulator));
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static void AssertInvalidData(PingOneException error, string target)
    {
        Assert.That(error.Kind, Is.EqualTo(PingOneFailureKind.Refused));
        Assert.That(error.Status, Is.EqualTo(400));
        Assert.That(error.ErrorCode == PingOneErrorCode.InvalidData, Is.True, error.Message);
        Assert.That(error.Details.Select(d => d.Target), Does.Contain(target));
        Assert.That(error.Message, Does.Contain($"[{target}]"));
    }
}

/// <summary>A transport that puts another phone into create requests, as a PingOne stricter than the client would see them.</summary>
internal sealed class PhoneRewriter : DelegatingHandler
{
    private readonly string _phone;

    public PhoneRewriter(string phone) => _phone = phone;

    public int Rewritten { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/devices", StringComparison.Ordinal) && request.Content is not null)
        {
            var body = JObject.Parse(await request.Content.ReadAsStringAsync(cancellationToken));
            body["phone"] = _phone;
            request.Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
            Rewritten++;
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
