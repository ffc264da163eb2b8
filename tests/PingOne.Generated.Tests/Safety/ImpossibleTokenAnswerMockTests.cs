using System.Net;
using System.Text;
using PingOne.Generated.Tests.Transport;

namespace PingOne.Generated.Tests.Safety;

/// <summary>
/// A token answer PingOne could not have issued (Ping's is <c>{"access_token": "&lt;JWT&gt;", "token_type": "Bearer",
/// "expires_in": 3600}</c>; its tokens live at most 30 days) is the token endpoint's invalid answer: nothing goes to the
/// API, the create cannot have happened, the token failure is retried like any other, and the message says what was
/// wrong without repeating the token.
/// </summary>
public class ImpossibleTokenAnswerMockTests
{
    private const int Attempts = 3;
    private static readonly string TokenUrl = TokenEndpoint.Url(PingOneRegion.NorthAmerica);
    private static readonly string DevicesUrl = PingOneRegion.NorthAmerica.ApiBaseAddress + Seed.DevicesPath();

    [TestCase("""{"access_token":"   ","token_type":"Bearer","expires_in":3600}""", "access_token is blank")]
    [TestCase("""{"access_token":"\t","token_type":"Bearer","expires_in":3600}""", "access_token is blank")]
    [TestCase("""{"access_token":"","token_type":"Bearer","expires_in":3600}""", "access_token is empty")]
    [TestCase("""{"access_token":"Zx9Qw a7Lm","token_type":"Bearer","expires_in":3600}""", "access_token has a space at position 6 of 10")]
    [TestCase("""{"access_token":"Bearer Zx9Qwa7Lm","token_type":"Bearer","expires_in":3600}""", "access_token has a space at position 7")]
    [TestCase("""{"access_token":"Zx9Qw\r\nX-Injected: a7Lm","token_type":"Bearer","expires_in":3600}""", "access_token has a line break at position 6")]
    [TestCase("""{"access_token":"Zx9Qw\u0000a7Lm","token_type":"Bearer","expires_in":3600}""", "access_token has a control character at position 6")]
    [TestCase("""{"access_token":"Zx9Qwéa7Lm","token_type":"Bearer","expires_in":3600}""", "access_token has a non-ASCII character at position 6")]
    [TestCase("""{"access_token":"Zx9Qw\u2028a7Lm","token_type":"Bearer","expires_in":3600}""", "access_token has a non-ASCII character at position 6")]
    [TestCase("""{"access_token":"Zx9Qw=a7Lm","token_type":"Bearer","expires_in":3600}""", "access_token has '=' before its end at position 6")]
    [TestCase("""{"access_token":"Zx9Qw,a7Lm","token_type":"Bearer","expires_in":3600}""", "access_token has ',' at position 6")]
    [TestCase("""{"access_token":"===","token_type":"Bearer","expires_in":3600}""", "access_token has nothing before its '=' padding")]
    [TestCase("""{"access_token":"Zx9Qwa7Lm","token_type":"mac","expires_in":3600}""", "token_type is not Bearer")]
    [TestCase("""{"access_token":"Zx9Qwa7Lm","token_type":7,"expires_in":3600}""", "token_type is not Bearer")]
    [TestCase("""{"access_token":"Zx9Qwa7Lm","token_type":"Bearer"}""", "expires_in is missing")]
    [TestCase("""{"access_token":"Zx9Qwa7Lm","token_type":"Bearer","expires_in":null}""", "expires_in is missing")]
    [TestCase("""{"access_token":"Zx9Qwa7Lm","token_type":"Bearer","expires_in":-3600}""", "expires_in is -3600: a token must live at least one second")]
    [TestCase("""{"access_token":"Zx9Qwa7Lm","token_type":"Bearer","expires_in":0}""", "expires_in is 0: a token must live at least one second")]
    [TestCase("""{"access_token":"Zx9Qwa7Lm","token_type":"Bearer","expires_in":0.5}""", "expires_in is 0.5: a token must live at least one second")]
    [TestCase("""{"access_token":"Zx9Qwa7Lm","token_type":"Bearer","expires_in":"soon"}""", "expires_in is not a number of seconds")]
    [TestCase("""{"access_token":"Zx9Qwa7Lm","token_type":"Bearer","expires_in":"NaN"}""", "expires_in is not a number of seconds")]
    [TestCase("""{"access_token":"Zx9Qwa7Lm","token_type":"Bearer","expires_in":true}""", "expires_in is not a number of seconds")]
    [TestCase("""{"access_token":"Zx9Qwa7Lm","token_type":"Bearer","expires_in":{"s":1}}""", "expires_in is not a number of seconds")]
    [TestCase("""{"access_token":"Zx9Qwa7Lm","token_type":"Bearer","expires_in":3599.5}""", "expires_in is not a whole number of seconds")]
    [TestCase("""{"access_token":"Zx9Qwa7Lm","token_type":"Bearer","expires_in":1e300}""", "expires_in is more than 30 days (2,592,000 seconds")]
    [TestCase("""{"access_token":"Zx9Qwa7Lm","token_type":"Bearer","expires_in":"Infinity"}""", "expires_in is more than 30 days (2,592,000 seconds")]
    [TestCase("""{"access_token":"Zx9Qwa7Lm","token_type":"Bearer","expires_in":2592001}""", "expires_in is more than 30 days (2,592,000 seconds")]
    [TestCase("""{"access_token":"Zx9Qwa7Lm","token_type":"Bearer","expires_in":99999999999999999999999999999}""", "expires_in is more than 30 days (2,592,000 seconds")]
    public async Task AnAnswerPingOneCouldNotHaveIssued_IsAnInvalidResponse_AndNothingReachesTheApi(string answer, string problem)
    {
        using var mock = new PingOneMock();
        mock.When(HttpMethod.Post, TokenUrl).Respond(() => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer, Encoding.UTF8, "application/json") }));
        mock.When(HttpMethod.Post, DevicesUrl).Respond(HttpStatusCode.Created, "application/json", Seed.ResponseJson);
        var client = mock.CreateClient(Options());

        var error = Assert.CatchAsync<PingOneException>(() => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()).WaitAsync(TimeSpan.FromSeconds(30)))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(PingOneFailureKind.InvalidResponse));
            Assert.That(error.Status, Is.EqualTo(200));
            Assert.That(error.DeviceMayHaveBeenCreated, Is.False);
            Assert.That(mock.Sent.Select(r => r.Uri.AbsoluteUri), Is.EqualTo(Enumerable.Repeat(TokenUrl, Attempts)), "a token failure is retried; the API never sees a request");
            Assert.That(error.Message, Does.StartWith("PingOne's token endpoint answered HTTP 200 invalid_response: The token answer's " + problem));
            Assert.That(error.Message, Does.Not.Contain("Zx9Q").And.Not.Contain("a7Lm").And.Not.Contain("X-Injected"), "the token is never repeated");
        });
    }

    [TestCase("""{"access_token":"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ3b3JrZXIifQ.c2ln-_~+/==","token_type":"Bearer","expires_in":3600}""", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ3b3JrZXIifQ.c2ln-_~+/==")]
    [TestCase("""{"access_token":"Zx9Qwa7Lm","token_type":"bearer","expires_in":1}""", "Zx9Qwa7Lm")]
    [TestCase("""{"access_token":"Zx9Qwa7Lm","expires_in":2592000}""", "Zx9Qwa7Lm")]
    [TestCase("""{"access_token":"Zx9Qwa7Lm","token_type":"Bearer","expires_in":"3600"}""", "Zx9Qwa7Lm")]
    [TestCase("""{"access_token":"Zx9Qwa7Lm","token_type":"Bearer","expires_in":3600.0}""", "Zx9Qwa7Lm")]
    public async Task AnAnswerPingOneCouldHaveIssued_IsSentAsIs(string answer, string token)
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, TokenUrl).Respond(() => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer, Encoding.UTF8, "application/json") }));
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(HttpStatusCode.Created, "application/json", Seed.ResponseJson);
        var client = mock.CreateClient(Options());

        await client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()).WaitAsync(TimeSpan.FromSeconds(30));

        mock.Handler.VerifyNoOutstandingExpectation();
        Assert.That(mock.Sent.Last().Headers.Authorization?.ToString(), Is.EqualTo("Bearer " + token));
    }

    [TestCase("Bearer eyJhbGciOi.eyJzdWIi.c2ln", "has a space at position 7 of 31")]
    [TestCase("eyJhbGciOi.eyJzdWIi.c2ln\n", "has a line break at position 25 of 25")]
    [TestCase("\"eyJhbGciOi.eyJzdWIi.c2ln\"", "has '\"' at position 1 of 26")]
    public void AStaticAccessTokenThatCannotBeSent_IsRefusedAtConstruction_WithoutRepeatingIt(string token, string problem)
    {
        var error = Assert.Throws<PingOneConfigurationException>(() => new PingOneMfaClient(new PingOneMfaClientOptions { AccessToken = token }))!;

        Assert.That(error.Message, Does.Contain("PingOne:AccessToken must be the access token alone, as PingOne issued it: it " + problem));
        Assert.That(error.Message, Does.Not.Contain("eyJ"));
    }

    private static PingOneMfaClientOptions Options()
    {
        var options = TokenEndpoint.Options(PingOneRegion.NorthAmerica);
        options.Retry.MaxAttempts = Attempts;
        options.Retry.BaseDelay = TimeSpan.Zero;
        options.Retry.MaxDelay = TimeSpan.Zero;
        return options;
    }
}
