using System.Net;
using System.Text;
using PingOne.Generated.Tests.Transport;

namespace PingOne.Generated.Tests.Safety;

/// <summary>A failing or misbehaving token endpoint: one request per failure, the documented exception, and never the secret.</summary>
public class TokenEndpointFailureMockTests
{
    private static readonly string TokenUrl = TokenEndpoint.Url(PingOneRegion.NorthAmerica);
    private static readonly string DevicesUrl = PingOneRegion.NorthAmerica.ApiBaseAddress + Seed.DevicesPath();

    [Test]
    public async Task FiftyCallersWaitingOnAFailingTokenEndpoint_MakeOneTokenRequest_AndShareItsFailure()
    {
        using var mock = new PingOneMock();
        var requests = 0;
        var entered = 0;
        var allWaiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        mock.When(HttpMethod.Post, TokenUrl).Respond(async () =>
        {
            Interlocked.Increment(ref requests);
            await allWaiting.Task;
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("""{"error":"temporarily_unavailable"}""", Encoding.UTF8, "application/json") };
        });
        var options = TokenEndpoint.Options();
        options.Retry.MaxAttempts = 1;
        var client = mock.CreateClient(options);

        var calls = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            var call = i % 2 == 0
                ? (Task)client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request())
                : client.ListDevicesAsync(Seed.EnvironmentId, Seed.UserId);
            if (Interlocked.Increment(ref entered) == 50) allWaiting.SetResult();
            try { await call; return null; }
            catch (Exception error) { return error; }
        })).ToList();
        var errors = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(requests, Is.EqualTo(1), "one token request for the whole wave");
        Assert.That(errors, Has.All.InstanceOf<PingOneException>());
        Assert.That(errors.Cast<PingOneException>().Select(e => (e.Kind, e.Status, e.DeviceMayHaveBeenCreated)).Distinct(),
            Is.EqualTo(new[] { (PingOneFailureKind.Unavailable, 503, false) }), "a token failure never says a device may exist");
        Assert.That(mock.Sent.Any(r => r.Uri.AbsoluteUri.StartsWith(DevicesUrl, StringComparison.Ordinal)), Is.False);
    }

    [Test]
    public async Task AfterAFailedWave_TheNextCallerTriesAgain()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, TokenUrl).Respond(HttpStatusCode.ServiceUnavailable);
        mock.Expect(HttpMethod.Post, TokenUrl).Respond(() => Task.FromResult(TokenEndpoint.Token("second")));
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond("application/json", RetryMockTests.DeviceList());
        var options = TokenEndpoint.Options();
        options.Retry.MaxAttempts = 1;
        var client = mock.CreateClient(options);

        Assert.CatchAsync<PingOneException>(() => client.ListDevicesAsync(Seed.EnvironmentId, Seed.UserId));
        await client.ListDevicesAsync(Seed.EnvironmentId, Seed.UserId);

        mock.Handler.VerifyNoOutstandingExpectation();
        Assert.That(mock.Sent.Last().Headers.Authorization?.Parameter, Is.EqualTo("second"));
    }

    [Test]
    public async Task ACallerCancellingItsWait_DoesNotCancelTheRequestOthersShare()
    {
        using var mock = new PingOneMock();
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        mock.Expect(HttpMethod.Post, TokenUrl).Respond(async () => { asked.SetResult(); await answer.Task; return TokenEndpoint.Token("shared"); });
        mock.When(HttpMethod.Get, DevicesUrl).Respond("application/json", RetryMockTests.DeviceList());
        var client = mock.CreateClient(TokenEndpoint.Options());
        using var impatient = new CancellationTokenSource();

        var first = client.ListDevicesAsync(Seed.EnvironmentId, Seed.UserId, impatient.Token);
        await asked.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = client.ListDevicesAsync(Seed.EnvironmentId, Seed.UserId);
        impatient.Cancel();
        Assert.That(async () => await first, Throws.InstanceOf<OperationCanceledException>());
        answer.SetResult();
        await second.WaitAsync(TimeSpan.FromSeconds(30));

        mock.Handler.VerifyNoOutstandingExpectation();
        Assert.That(mock.Sent.Count(r => r.Uri.AbsoluteUri == TokenUrl), Is.EqualTo(1));
    }

    [TestCase("""{"access_token":5,"expires_in":3600}""")]
    [TestCase("""{"access_token":{"value":"t"},"expires_in":3600}""")]
    [TestCase("""{"access_token":["t"]}""")]
    [TestCase("""{"access_token":null}""")]
    [TestCase("""{"access_token":""}""")]
    [TestCase("""["not","an","object"]""")]
    [TestCase("not json at all")]
    [TestCase("")]
    [TestCase("""{"access_token":"t""")]
    public void AMalformedTokenAnswer_IsAPingOneException(string body)
    {
        var error = CallWithTokenAnswer(HttpStatusCode.OK, body);

        Assert.That(error, Is.InstanceOf<PingOneException>(), error?.ToString());
        Assert.That(((PingOneException)error!).Kind, Is.EqualTo(PingOneFailureKind.InvalidResponse));
        Assert.That(((PingOneException)error).DeviceMayHaveBeenCreated, Is.False);
    }

    [TestCase("""{"error":5,"error_description":["x"]}""")]
    [TestCase("""{"code":"INVALID_DATA","details":"not a list"}""")]
    [TestCase("""{"code":7}""")]
    [TestCase("""<html>Bad gateway</html>""")]
    public void AMalformedTokenError_IsAPingOneException(string body)
    {
        var error = CallWithTokenAnswer(HttpStatusCode.BadRequest, body);

        Assert.That(error, Is.InstanceOf<PingOneException>(), error?.ToString());
        Assert.That(((PingOneException)error!).Status, Is.EqualTo(400));
    }

    [Test]
    public void ATokenErrorEchoingTheSecret_NeverShowsIt()
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.EscapeDataString(TokenEndpoint.ClientId) + ":" + Uri.EscapeDataString(TokenEndpoint.ClientSecret)));
        var body = "{\"error\":\"invalid_client\",\"error_description\":\"Client secret " + TokenEndpoint.ClientSecret + " (" + Uri.EscapeDataString(TokenEndpoint.ClientSecret) + ") in Basic " + basic + " is wrong\"}";

        var error = (PingOneException)CallWithTokenAnswer(HttpStatusCode.Unauthorized, body)!;

        foreach (var text in new[] { error.Message, error.ToString(), error.Error?.Message ?? string.Empty })
        {
            Assert.That(text, Does.Not.Contain(TokenEndpoint.ClientSecret));
            Assert.That(text, Does.Not.Contain(basic));
        }
        Assert.That(error.Message, Does.Contain("invalid_client").And.Contain("Client secret ***"));
    }

    // Lists devices once against a token endpoint that answers as given; returns what was thrown, if anything.
    private static Exception? CallWithTokenAnswer(HttpStatusCode status, string body)
    {
        using var mock = new PingOneMock();
        mock.When(HttpMethod.Post, TokenUrl).Respond(() => Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") }));
        mock.When(HttpMethod.Get, DevicesUrl).Respond("application/json", RetryMockTests.DeviceList());
        var options = TokenEndpoint.Options();
        options.Retry.MaxAttempts = 1;
        var client = mock.CreateClient(options);
        try
        {
            client.ListDevicesAsync(Seed.EnvironmentId, Seed.UserId).GetAwaiter().GetResult();
            return null;
        }
        catch (Exception error)
        {
            return error;
        }
    }
}
