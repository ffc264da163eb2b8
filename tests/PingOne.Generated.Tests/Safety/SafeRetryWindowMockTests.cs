using System.Net;
using PingOne.Generated.Tests.Transport;

namespace PingOne.Generated.Tests.Safety;

/// <summary>Safe retry's look-up: which devices count as created by this call, and that the look-up is logged.</summary>
public class SafeRetryWindowMockTests
{
    private static readonly string DevicesUrl = PingOneRegion.NorthAmerica.ApiBaseAddress + Seed.DevicesPath();
    private static readonly DateTimeOffset FirstAttempt = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [TestCase(null, -4 * 60, true)]   // default 5 minutes: PingOne's clock 4 min behind ours still counts
    [TestCase(null, -6 * 60, false)]  // 6 minutes before the first attempt: another call's device
    [TestCase(0, -1, false)]          // no tolerance: one second before is too early
    [TestCase(0, 0, true)]
    [TestCase(600, -9 * 60, true)]    // 10 minutes configured
    public async Task ADeviceCreatedAtThisOffset_CountsAsThisCallsOnlyWithinTheTolerance(int? toleranceSeconds, int createdAtOffsetSeconds, bool counts)
    {
        using var mock = new PingOneMock();
        var time = new AutoAdvancingClock(FirstAttempt);
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => RetryMockTests.Answer(500, """{"id":"e","code":"UNEXPECTED_ERROR","message":"Oops"}"""));
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond("application/json", RetryMockTests.DeviceList(
            RetryMockTests.Device("earlier", "VOICE", "+15125551111", "313#", FirstAttempt.AddSeconds(createdAtOffsetSeconds).ToString("o"))));
        if (!counts) mock.Expect(HttpMethod.Post, DevicesUrl).Respond(HttpStatusCode.Created, "application/json", Seed.ResponseJson);
        var options = new PingOneMfaClientOptions { TimeProvider = time };
        options.Retry.SafeRetry = true;
        if (toleranceSeconds is { } seconds) options.Retry.SafeRetryClockSkew = TimeSpan.FromSeconds(seconds);
        var client = mock.CreateClient(options);

        var device = await FakeClock.RunAsync(time, () => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()));

        mock.Handler.VerifyNoOutstandingExpectation();
        Assert.That(device.Id, Is.EqualTo(counts ? "earlier" : Seed.DeviceId));
    }

    [Test]
    public void TheDefaultTolerance_IsFiveMinutes()
    {
        Assert.That(new PingOneRetryOptions().SafeRetryClockSkew, Is.EqualTo(TimeSpan.FromMinutes(5)));
    }

    [TestCase(-1)]
    [TestCase(86401)]
    public void AToleranceOutsideZeroToADay_IsASettingsProblem(int seconds)
    {
        var options = new PingOneMfaClientOptions { AccessToken = "t" };
        options.Retry.SafeRetryClockSkew = TimeSpan.FromSeconds(seconds);

        var error = Assert.Throws<PingOneConfigurationException>(() => new PingOneMfaClient(options));

        Assert.That(error!.Message, Does.Contain("PingOne:Retry:SafeRetryClockSkew"));
    }
}
