namespace PingOne.Generated.Cli;

/// <summary>PingOne's ids are UUIDs: an option that carries one is checked before anything is started or sent.</summary>
internal static class Ids
{
    public const string Example = "5a3b0b6c-1f4e-4b8a-9d0c-6e2f7a8b9c0d";

    /// <summary>Whether <paramref name="value"/> is a UUID written the usual way (8-4-4-4-12 hexadecimal digits).</summary>
    public static bool IsId(string? value) => value is { Length: 36 } && Guid.TryParseExact(value, "D", out _);

    /// <returns><paramref name="value"/>, trimmed.</returns>
    /// <exception cref="UsageException"><paramref name="value"/> is not a UUID; the message names <paramref name="option"/> (not the value: it may be anything).</exception>
    public static string Require(string value, string option) =>
        IsId(value.Trim()) ? value.Trim() : throw new UsageException($"{option} must be a PingOne id: a UUID such as {Example}");
}
