namespace PingOne.Generated.Cli.Enroll;

/// <summary>
/// One data row of the enrollment spreadsheet, with the line it starts on. The user is named by <see cref="UserId"/>,
/// <see cref="Username"/> or <see cref="Email"/> (resolution fills <see cref="UserId"/> from the others).
/// </summary>
internal sealed record EnrollmentRow(int Line, string? UserId, string? Phone, string? Extension, string? Nickname, string? PolicyId,
    string? Username = null, string? Email = null)
{
    /// <summary>The username or email as given (<c>username:jdoe</c>), for the results file and the journal; <see langword="null"/> for a row named by id only.</summary>
    public string? Identifier => (Username, Email) switch
    {
        (null, null) => null,
        ({ } username, null) => new UserIdentifier(UserIdentifierKind.Username, username).ToString(),
        (null, { } email) => new UserIdentifier(UserIdentifierKind.Email, email).ToString(),
        ({ } username, { } email) => new UserIdentifier(UserIdentifierKind.Username, username) + " " + new UserIdentifier(UserIdentifierKind.Email, email),
    };
}
