namespace PingOne.Generated.Cli.Enroll;

/// <summary>
/// What a row asks for: a user, a canonical phone and extension. Two rows with one key are one device, however
/// their phones were spelled; the journal remembers outcomes by key, so inserting or deleting rows moves nothing.
/// </summary>
internal readonly record struct EnrollmentKey(string UserId, string Phone, string Extension)
{
    /// <summary>User ids are UUIDs, which PingOne reads without regard to case.</summary>
    public static EnrollmentKey For(string userId, NormalizedPhone phone) =>
        new(userId.ToLowerInvariant(), phone.Phone, phone.Extension ?? string.Empty);
}
