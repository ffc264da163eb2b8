using System.Net;
using PingOne.Generated.Tests.Transport;

namespace PingOne.Generated.Tests.Safety;

/// <summary>Phone numbers are masked; ids a support ticket needs (UUIDs, error and correlation ids) are shown intact.</summary>
public class MaskingTests
{
    [TestCase("error id 6a1d8c4e-95b1-4a3a-9f2e-0c1d2e3f4a5b", "error id 6a1d8c4e-95b1-4a3a-9f2e-0c1d2e3f4a5b")]
    [TestCase("(correlation 12345678-1234-4234-8234-123456789012)", "(correlation 12345678-1234-4234-8234-123456789012)")]
    [TestCase("request e500123456 failed", "request e500123456 failed")]
    [TestCase("trace 0123456789abcdef", "trace 0123456789abcdef")]
    [TestCase("id req_20261129123456", "id req_20261129123456")]
    [TestCase("call +1 512 555 1234 now", "call +* *** *** **34 now")]
    [TestCase("5125551234", "********34")]
    [TestCase("phone '(512) 555-1234 x313'", "phone '(***) ***-**34 x313'")]
    [TestCase("+15125551234ext313", "+*********34ext313")]
    [TestCase("tel:+44-20-7946-0958", "tel:+**-**-****-**58")]
    [TestCase("code 1234 in 2026", "code 1234 in 2026")]
    [TestCase("Connection refused (127.0.0.1:1)", "Connection refused (127.0.0.1:1)")]
    [TestCase("Connection refused (10.200.30.4:50123)", "Connection refused (10.200.30.4:50123)")]
    [TestCase("No route to localhost:65535 or [::1]:50123", "No route to localhost:65535 or [::1]:50123")]
    [TestCase("phone 1.512.555.1234", "phone *.***.***.**34")]
    [TestCase("tel:5125551234", "tel:********34")]
    [TestCase("+1.202.55.12.34", "+*.***.**.**.34")]
    public void MaskPhoneNumbers(string text, string expected)
    {
        Assert.That(SensitiveText.MaskPhoneNumbers(text), Is.EqualTo(expected));
    }

    [Test]
    public void APingOneError_KeepsItsIds_AndMasksThePhone()
    {
        using var mock = new PingOneMock();
        mock.When(HttpMethod.Post, PingOneRegion.NorthAmerica.ApiBaseAddress + Seed.DevicesPath()).Respond(() => RetryMockTests.Answer(400,
            """{"id":"b39fe3f5-6f8a-4d17-9c4e-2b6a3c1d0e9f","code":"INVALID_DATA","message":"Invalid phone +1 512 555 1111","details":[{"code":"INVALID_VALUE","target":"phone","message":"+15125551111 cannot be called"}]}""",
            ("correlation-id", "5f0c1b2a-3d4e-4f60-8a7b-9c0d1e2f3a4b")));
        var client = mock.CreateClient();

        var error = Assert.CatchAsync<PingOneException>(() => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()))!;

        Assert.That(error.Message, Does.Contain("(error id b39fe3f5-6f8a-4d17-9c4e-2b6a3c1d0e9f)"));
        Assert.That(error.Message, Does.Not.Contain("555 1111").And.Not.Contain("5125551111"));
        Assert.That(error.Message, Does.Contain("+* *** *** **11").And.Contain("+*********11"));
        Assert.That(error.CorrelationId, Is.EqualTo("5f0c1b2a-3d4e-4f60-8a7b-9c0d1e2f3a4b"));
    }
}
