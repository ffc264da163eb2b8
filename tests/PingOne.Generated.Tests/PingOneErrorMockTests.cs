using System.Net;
using PingOne.Generated;

namespace PingOne.Generated.Tests;

/// <summary>Every non-success answer becomes a <see cref="PingOneException"/> carrying PingOne's error.</summary>
public class PingOneErrorMockTests
{
    private const string ErrorId = "8a3ac0c7-2b3e-4d4a-8c6f-2f8e1b1f0a11";

    [TestCase(400, "INVALID_DATA")]
    [TestCase(401, "ACCESS_FAILED")]
    [TestCase(403, "ACCESS_FAILED")]
    [TestCase(404, "NOT_FOUND")]
    [TestCase(409, "UNIQUENESS_VIOLATION")]
    [TestCase(429, "REQUEST_LIMITED")]
    [TestCase(500, "UNEXPECTED_ERROR")]
    [TestCase(503, "SERVICE_UNAVAILABLE")]
    [TestCase(418, "TEAPOT")]
    [TestCase(502, "BAD_GATEWAY")]
    public void ErrorStatus_MapsToPingOneException(int status, string code)
    {
        var body = $$"""
            { "id": "{{ErrorId}}", "code": "{{code}}", "message": "The request could not be completed.",
              "details": [ { "code": "INVALID_VALUE", "target": "phone", "message": "Invalid phone number",
                             "innerError": { "allowedPattern": "^\\+[0-9]+$", "rangeMaximumValue": 15, "allowedValues": ["A", "B"] } } ] }
            """;

        var error = CreateAnswering(status, body);

        Assert.Multiple(() =>
        {
            Assert.That(error.Status, Is.EqualTo(status));
            Assert.That(error.ErrorCode, Is.EqualTo((PingOneErrorCode?)new PingOneErrorCode(code)));
            Assert.That(error.ErrorId, Is.EqualTo(ErrorId));
            Assert.That(error.Error?.Message, Is.EqualTo("The request could not be completed."));
            var detail = error.Details.Single();
            Assert.That(detail.Target, Is.EqualTo("phone"));
            Assert.That(detail.Code, Is.EqualTo("INVALID_VALUE"));
            Assert.That(detail.Message, Is.EqualTo("Invalid phone number"));
            Assert.That(detail.InnerError?.AllowedPattern, Is.EqualTo("^\\+[0-9]+$"));
            Assert.That(detail.InnerError?.RangeMaximumValue, Is.EqualTo(15));
            Assert.That(detail.InnerError?.AllowedValues, Is.EqualTo(new[] { "A", "B" }));
            Assert.That(error.Message, Does.StartWith($"PingOne answered HTTP {status} {code}: The request could not be completed. [phone] INVALID_VALUE: Invalid phone number. (error id {ErrorId})"));
            Assert.That(error.DeviceMayHaveBeenCreated, Is.EqualTo(status >= 500));
            Assert.That(error.Message.Contains("may have been created"), Is.EqualTo(status >= 500));
        });
    }

    [Test]
    public void ErrorCode_ComparesWithWellKnownValuesIgnoringCase()
    {
        var error = CreateAnswering(429, """{ "id": "e1", "code": "request_limited", "message": "Too many requests" }""");

        Assert.That(error.ErrorCode == PingOneErrorCode.RequestLimited, Is.True);
        Assert.That(error.ErrorCode == PingOneErrorCode.InvalidData, Is.False);
    }

    [TestCase("not json at all")]
    [TestCase("{ \"id\": ")]
    [TestCase("<html><body>Bad gateway</body></html>")]
    [TestCase("")]
    public void MalformedOrEmptyErrorBody_StillGivesPingOneException(string body)
    {
        foreach (var status in new[] { 400, 500, 502 })
        {
            var error = CreateAnswering(status, body);

            Assert.That(error.Status, Is.EqualTo(status));
            Assert.That(error.Error, Is.Null);
            Assert.That(error.Message, Does.StartWith($"PingOne answered HTTP {status}"));
            if (body.Length > 0) Assert.That(error.Message, Does.Not.Contain(body));
        }
    }

    [Test]
    public void RawBody_NeverAppearsInTheMessage_AndPhoneNumbersAreMasked()
    {
        var error = CreateAnswering(400, """
            { "id": "e1", "code": "INVALID_DATA", "message": "Phone +1 (512) 555-1111 is not valid",
              "secretField": "raw-body-marker" }
            """);

        Assert.That(error.Message, Does.Not.Contain("raw-body-marker"));
        Assert.That(error.Message, Does.Not.Contain("555-1111"));
        Assert.That(error.Message, Does.Contain("+* (***) ***-**11"));
    }

    [Test]
    public void TooManyRequests_ExposesRetryAfterInSeconds()
    {
        var error = CreateAnswering(429, """{ "id": "e1", "code": "REQUEST_LIMITED", "message": "Slow down" }""", ("Retry-After", "7"));

        Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
        Assert.That(error.Headers["retry-after"], Is.EqualTo(new[] { "7" }));
    }

    [Test]
    public void TooManyRequests_ExposesRetryAfterAsHttpDate()
    {
        var at = DateTimeOffset.UtcNow.AddSeconds(120);
        var error = CreateAnswering(429, """{ "id": "e1", "code": "REQUEST_LIMITED", "message": "Slow down" }""", ("Retry-After", at.ToString("r")));

        Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(120)).Within(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void CorrelationHeader_IsExposed()
    {
        var error = CreateAnswering(500, """{ "id": "e1", "code": "UNEXPECTED_ERROR", "message": "Oops" }""", ("correlation-id", "corr-42"));

        Assert.That(error.CorrelationId, Is.EqualTo("corr-42"));
    }

    private static PingOneException CreateAnswering(int status, string body, params (string Name, string Value)[] headers)
    {
        using var mock = new PingOneMock();
        // When, not Expect: a 401 is sent once more with a fresh token by the authentication handler.
        mock.When(HttpMethod.Post, PingOneRegion.NorthAmerica.ApiBaseAddress + Seed.DevicesPath()).Respond(() =>
        {
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            foreach (var (name, value) in headers) response.Headers.TryAddWithoutValidation(name, value);
            return Task.FromResult(response);
        });
        var client = mock.CreateClient(new PingOneMfaClientOptions { Retry = { MaxAttempts = 1 } });
        return Assert.CatchAsync<PingOneException>(() => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()))!;
    }
}
