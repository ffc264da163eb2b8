using PingOne.Generated;

namespace PingOne.Generated.Tests;

/// <summary>Recognizing the voice device a phone belongs to, however PingOne stored the number.</summary>
public class VoiceDeviceMatchTests
{
    private static readonly NormalizedPhone DeskPhone = PhoneNumberNormalizer.Default.Normalize("+1 512 555 1234", "313#");

    [TestCase("VOICE", "+1.5125551234", "313#", true)]
    [TestCase("voice", "+15125551234", "313#", true)]
    [TestCase("VOICE", "+1 (512) 555-1234 ext. 313#", null, true)]
    [TestCase("VOICE", "+15125551234", "314", false)]
    [TestCase("VOICE", "+15125551234", null, false)]
    [TestCase("SMS", "+15125551234", "313#", false)]
    [TestCase("VOICE", null, "313#", false)]
    [TestCase("VOICE", "not a phone", "313#", false)]
    public void IsVoiceDeviceFor_ComparesCanonicalPhoneAndExtension(string type, string? phone, string? extension, bool expected)
    {
        var device = new VoiceDevice { Id = "d1", Type = type, Phone = phone, Extension = extension };

        Assert.That(device.IsVoiceDeviceFor(DeskPhone), Is.EqualTo(expected));
    }
}
