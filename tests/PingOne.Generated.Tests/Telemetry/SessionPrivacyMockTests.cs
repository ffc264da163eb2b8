using System.Net;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using PingOne.Generated;
using PingOne.Generated.Tests.Transport;

namespace PingOne.Generated.Tests.Telemetry;

/// <summary>
/// A whole session (token, create retried after a 429, safe retry, list, a drifting read, a token failure) reports
/// no phone digits, no secret, no token, no user or device id in any activity, event or measurement.
/// </summary>
[NonParallelizable]
public class SessionPrivacyMockTests
{
    private static readonly string DevicesUrl = PingOneRegion.NorthAmerica.ApiBaseAddress + Seed.DevicesPath();
    private const string AccessToken = "eyJhbGciOiJSUzI1NiJ9.session-access-token.signature";

    [Test]
    public async Task WholeSession_NoTagOrEventHoldsAPhoneNumberASecretATokenOrAPersonsId()
    {
        using var telemetry = new TelemetryCapture();
        using var mock = new PingOneMock();
        var time = new AutoAdvancingClock(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        var tokenUrl = TokenEndpoint.Url(PingOneRegion.NorthAmerica);
        mock.Expect(HttpMethod.Post, tokenUrl).Respond(() => Task.FromResult(TokenEndpoint.Token(AccessToken)));
        // Create: a 429, then a 500 (safe retry looks, finds nothing), then created.
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => RetryMockTests.Answer(429, """{"id":"e1","code":"REQUEST_LIMITED","message":"Too many requests for +15125551111"}""", ("Retry-After", "1")));
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => RetryMockTests.Answer(500, """{"id":"e2","code":"UNEXPECTED_ERROR","message":"Failed for +15125551111"}"""));
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.OK, "application/json", RetryMockTests.DeviceList());
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => RetryMockTests.Answer(201, Seed.ResponseJson));
        // A list whose device carries an undeclared property holding a phone number, and one named like a phone number.
        var list = JObject.Parse(RetryMockTests.DeviceList(RetryMockTests.Device(Seed.DeviceId, "VOICE", "+15125551111", "313#", null)));
        list["_embedded"]!["devices"]![0]!["backupPhone"] = "+15125551111";
        list["_embedded"]!["devices"]![0]!["15125551111"] = true;
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.OK, "application/json", list.ToString());
        var client = mock.CreateClient(new PingOneMfaClientOptions
        {
            TimeProvider = time,
            EnvironmentId = TokenEndpoint.EnvironmentId,
            ClientId = TokenEndpoint.ClientId,
            ClientSecret = TokenEndpoint.ClientSecret,
            Retry = { SafeRetry = true },
        });

        await FakeClock.RunAsync(time, () => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()));
        await client.ListDevicesAsync(Seed.EnvironmentId, Seed.UserId);
        // A second client whose token request fails, echoing the secret.
        mock.Expect(HttpMethod.Post, tokenUrl).Respond(HttpStatusCode.Unauthorized, "application/json",
            "{\"error\":\"invalid_client\",\"error_description\":\"secret " + TokenEndpoint.ClientSecret + " for user " + Seed.UserId + "\"}");
        var refused = mock.CreateClient(new PingOneMfaClientOptions { EnvironmentId = TokenEndpoint.EnvironmentId, ClientId = TokenEndpoint.ClientId, ClientSecret = TokenEndpoint.ClientSecret });
        Assert.CatchAsync<PingOneException>(() => refused.GetDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.DeviceId));

        mock.Handler.VerifyNoOutstandingExpectation();
        // The session reported what it did ...
        Assert.That(telemetry.Activities.Select(a => a.DisplayName), Is.EquivalentTo(new[] { "PingOne create-voice-device", "PingOne list-devices", "PingOne get-device" }));
        Assert.That(telemetry.Single("PingOne create-voice-device").Events.Count(), Is.EqualTo(2));
        Assert.That(telemetry.Of("pingone.client.schema_drift"), Has.Count.EqualTo(2));
        Assert.That(telemetry.Of("pingone.client.token.requests"), Has.Count.EqualTo(2));
        // ... and nothing of the people or credentials behind it.
        var text = telemetry.AllText().ToList();
        Assert.That(text, Is.Not.Empty);
        foreach (var forbidden in new[] { "5125551111", "313#", TokenEndpoint.ClientSecret, AccessToken, "session-access-token", Seed.UserId, Seed.DeviceId, TokenEndpoint.ClientId })
            Assert.That(text, Has.None.Contains(forbidden), forbidden);
        // Numbers the client reports (statuses, attempts, delays) are numbers; no text value holds a run of digits a phone number could be.
        Assert.That(telemetry.AllStringValues().Where(t => Regex.IsMatch(t, @"\d{5,}")), Is.Empty);
    }
}
