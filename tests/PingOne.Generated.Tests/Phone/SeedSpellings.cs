namespace PingOne.Generated.Tests;

/// <summary>The six spellings of one number that PingOne's voice-device page lists as accepted.</summary>
internal static class SeedSpellings
{
    public static readonly string[] All = { "+1.5125551234", "+15125551234", "+1.512.555.1234", "15125551234", "1-512-555-1234", "+1 (512) 555-1234" };
}
