using System.Net;
using Newtonsoft.Json.Linq;
using PingOne.Generated;

namespace PingOne.Generated.Tests;

/// <summary>What the client puts on the wire for the create call.</summary>
public class CreateVoiceDeviceRequestMockTests
{
    private static IEnumerable<TestCaseData> Regions()
    {
        yield return new TestCaseData(PingOneRegion.NorthAmerica, "https://api.pingone.com/v1/").SetName("SeedRequest_NorthAmerica");
        yield return new TestCaseData(PingOneRegion.Canada, "https://api.pingone.ca/v1/").SetName("SeedRequest_Canada");
        yield return new TestCaseData(PingOneRegion.Europe, "https://api.pingone.eu/v1/").SetName("SeedRequest_Europe");
        yield return new TestCaseData(PingOneRegion.Australia, "https://api.pingone.com.au/v1/").SetName("SeedRequest_Australia");
        yield return new TestCaseData(PingOneRegion.Singapore, "https://api.pingone.sg/v1/").SetName("SeedRequest_Singapore");
        yield return new TestCaseData(PingOneRegion.AsiaPacific, "https://api.pingone.asia/v1/").SetName("SeedRequest_AsiaPacific");
    }

    [TestCaseSource(nameof(Regions))]
    public async Task SeedRequest_GoesOutExactly(PingOneRegion region, string apiBase)
    {
        using var mock = new PingOneMock();
        var url = apiBase + Seed.DevicesPath();
        mock.Expect(HttpMethod.Post, url).Respond(HttpStatusCode.Created, "application/json", Seed.ResponseJson);
        var client = mock.CreateClient(new PingOneMfaClientOptions { Region = region });

        await client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request());

        mock.Handler.VerifyNoOutstandingExpectation();
        var sent = mock.Sent.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sent.Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(sent.Uri.AbsoluteUri, Is.EqualTo(url));
            Assert.That(sent.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(sent.Headers.Authorization?.ToString(), Is.EqualTo("Bearer " + PingOneMock.Token));
            Assert.That(sent.Headers.Accept.Select(a => a.MediaType), Is.EqualTo(new[] { "application/json" }));
            Assert.That(JToken.DeepEquals(sent.BodyJson, Seed.CanonicalRequestJson()), Is.True, sent.Body);
        });
    }

    [TestCase("https://localhost:8443/v1", "https://localhost:8443/v1/")]
    [TestCase("https://localhost:8443/v1/", "https://localhost:8443/v1/")]
    [TestCase("https://mfa.example.com", "https://mfa.example.com/")]
    public async Task CustomApiBaseAddress_WithOrWithoutTrailingSlash_KeepsItsPath(string configured, string expectedBase)
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, expectedBase + Seed.DevicesPath()).Respond(HttpStatusCode.Created, "application/json", Seed.ResponseJson);
        var client = mock.CreateClient(new PingOneMfaClientOptions { ApiBaseAddress = new Uri(configured) });

        await client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request());

        mock.Handler.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task UnsetOptionalProperties_AreOmitted_NeverSentAsNull()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, PingOneRegion.NorthAmerica.ApiBaseAddress + Seed.DevicesPath()).Respond(HttpStatusCode.Created, "application/json", Seed.ResponseJson);
        var client = mock.CreateClient(new PingOneMfaClientOptions());
        var request = new CreateVoiceDeviceRequest { Phone = "+15125551111", Policy = new DevicePolicyReference { Id = Seed.PolicyId } };

        await client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, request);

        var expected = JToken.Parse($$$"""{"type":"VOICE","phone":"+15125551111","policy":{"id":"{{{Seed.PolicyId}}}"}}""");
        Assert.That(JToken.DeepEquals(mock.Sent.Single().BodyJson, expected), Is.True, mock.Sent.Single().Body);
    }

    [Test]
    public async Task EveryProperty_IsSentUnderItsSpecName()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, PingOneRegion.NorthAmerica.ApiBaseAddress + Seed.DevicesPath()).Respond(HttpStatusCode.Created, "application/json", Seed.ResponseJson);
        var client = mock.CreateClient(new PingOneMfaClientOptions());
        var request = new CreateVoiceDeviceRequest
        {
            Phone = "+15125551111",
            Extension = "313#",
            Policy = new DevicePolicyReference { Id = Seed.PolicyId, Type = "DEVICE_AUTHENTICATION_POLICY" },
            Nickname = "Desk phone",
            TestMode = true,
            Status = DeviceCreationStatus.ActivationRequired,
            Notification = new DeviceNotification
            {
                Template = new DeviceNotificationTemplate { Locale = "es-ES", Variant = "voice-es", Variables = new Dictionary<string, string> { ["company"] = "Acme" } },
                Policy = new NotificationPolicyReference { Id = "np-1" },
            },
            Block = new DeviceBlock { Status = "UNBLOCKED" },
            Lock = new DeviceLock { Status = "UNLOCKED", ExpiresAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero) },
        };

        await client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, request);

        var expected = JToken.Parse($$"""
            {
              "type": "VOICE", "phone": "+15125551111", "extension": "313#",
              "policy": { "id": "{{Seed.PolicyId}}", "type": "DEVICE_AUTHENTICATION_POLICY" },
              "nickname": "Desk phone", "testMode": true, "status": "ACTIVATION_REQUIRED",
              "notification": { "template": { "locale": "es-ES", "variant": "voice-es", "variables": { "company": "Acme" } }, "policy": { "id": "np-1" } },
              "block": { "status": "UNBLOCKED" },
              "lock": { "status": "UNLOCKED", "expiresAt": "2026-01-02T03:04:05+00:00" }
            }
            """);
        Assert.That(JToken.DeepEquals(mock.Sent.Single().BodyJson, expected), Is.True, mock.Sent.Single().Body);
    }

    [TestCase("", "userId")]
    [TestCase("  ", "userId")]
    public void EmptyEnvironmentId_IsRejectedBeforeSending(string environmentId, string userId)
    {
        using var mock = new PingOneMock();
        var client = mock.CreateClient(new PingOneMfaClientOptions());

        var error = Assert.ThrowsAsync<ArgumentException>(() => client.CreateVoiceDeviceAsync(environmentId, userId, Seed.Request()));

        Assert.That(error!.ParamName, Is.EqualTo("environmentId"));
        Assert.That(mock.Sent, Is.Empty);
    }

    [Test]
    public void NullRequest_IsRejectedBeforeSending()
    {
        using var mock = new PingOneMock();
        var client = mock.CreateClient(new PingOneMfaClientOptions());

        var error = Assert.ThrowsAsync<ArgumentNullException>(() => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, null!));

        Assert.That(error!.ParamName, Is.EqualTo("request"));
        Assert.That(mock.Sent, Is.Empty);
    }

    // The create checks its arguments inside the task it returns, as an async method does: a caller that starts several
    // creates before awaiting them (enroll does) gets each bad one as a faulted task, never as a throw from the call itself.
    [Test]
    public void BadArguments_FaultTheReturnedTask_TheCallItselfDoesNotThrow()
    {
        using var mock = new PingOneMock();
        var client = mock.CreateClient(new PingOneMfaClientOptions());

        Task<VoiceDevice>? badId = null, noRequest = null, badPhone = null;
        Assert.DoesNotThrow(() =>
        {
            badId = client.CreateVoiceDeviceAsync("not-a-uuid", Seed.UserId, Seed.Request());
            noRequest = client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, null!);
            badPhone = client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, new CreateVoiceDeviceRequest { Phone = "call me", Policy = Seed.Request().Policy });
        });

        Assert.Multiple(() =>
        {
            Assert.That(badId!.IsFaulted && badId.Exception!.InnerException is ArgumentException { ParamName: "environmentId" }, Is.True);
            Assert.That(noRequest!.IsFaulted && noRequest.Exception!.InnerException is ArgumentNullException { ParamName: "request" }, Is.True);
            Assert.That(badPhone!.IsFaulted && badPhone.Exception!.InnerException is InvalidPhoneNumberException { Reason: PhoneNumberProblem.NotANumber }, Is.True);
            Assert.That(mock.Sent, Is.Empty);
        });
    }

    [Test]
    public async Task CancellationAfterTheRequestLeft_IsTheCallersOperationCanceledException()
    {
        using var network = new HoldingNetwork();
        using var client = new PingOneMfaClient(new PingOneMfaClientOptions { AccessToken = PingOneMock.Token, Transport = network });
        using var cancellation = new CancellationTokenSource();

        var call = client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request(), cancellation.Token);
        await network.Arrived.WaitAsync(TimeSpan.FromSeconds(30));
        cancellation.Cancel();

        var error = Assert.CatchAsync<OperationCanceledException>(async () => await call);
        Assert.That(error!.CancellationToken, Is.EqualTo(cancellation.Token));
        Assert.That(network.Received, Is.EqualTo(1), "sent once, and not again after the cancellation");
    }

    [Test]
    public void AlreadyCancelledToken_SendsNothing()
    {
        using var mock = new PingOneMock();
        var client = mock.CreateClient(new PingOneMfaClientOptions());

        Assert.That(
            async () => await client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request(), new CancellationToken(canceled: true)),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(mock.Sent, Is.Empty);
    }
}
