namespace PingOne.Generated.Cli.Enroll;

/// <summary>How a spreadsheet row names its user: the column it came from.</summary>
internal enum UserIdentifierKind
{
    /// <summary>A <c>username</c> column: unique in an environment.</summary>
    Username,

    /// <summary>An <c>email</c> column: PingOne lets several users share one.</summary>
    Email,
}

/// <summary>
/// A user named as a person names them (<c>username</c> or <c>email</c>), resolved to a PingOne user id before any
/// device is created. PingOne compares both without regard to case, so two spellings differing only in case are one
/// identifier and cost one look-up.
/// </summary>
internal readonly record struct UserIdentifier(UserIdentifierKind Kind, string Value)
{
    /// <summary>The column name, as messages and the results file write it.</summary>
    public string Column => Kind switch
    {
        UserIdentifierKind.Username => "username",
        _ => "email",
    };

    /// <summary>The identifier as given, prefixed by its column: <c>username:jdoe</c>, as the results file and journal carry it.</summary>
    public override string ToString() => Column + ":" + Value;

    /// <summary>Equality without regard to case (PingOne's own for usernames and emails; user ids are UUIDs).</summary>
    public bool Equals(UserIdentifier other) => Kind == other.Kind && string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    public override int GetHashCode() => HashCode.Combine(Kind, StringComparer.OrdinalIgnoreCase.GetHashCode(Value));

    /// <summary>
    /// The SCIM filter that selects the users this identifier names: <c>username eq "j\"doe"</c>, the value quoted by
    /// <see cref="UserQuery.Quote"/> so a <c>"</c> or <c>\</c> in it stays part of the value instead of widening the filter.
    /// </summary>
    public string ScimFilter() => Kind switch
    {
        UserIdentifierKind.Username => "username eq " + UserQuery.Quote(Value),
        _ => "email eq " + UserQuery.Quote(Value),
    };

    /// <summary>Whether the value can be sent in a filter: PingOne's filters (and the client) take no control characters.</summary>
    public bool CanBeLookedUp => !Value.Any(char.IsControl);

    /// <summary>Whether <paramref name="user"/> is named by this identifier.</summary>
    public bool Names(DirectoryUser user) => Kind switch
    {
        UserIdentifierKind.Username => string.Equals(user.Username, Value, StringComparison.OrdinalIgnoreCase),
        _ => string.Equals(user.Email, Value, StringComparison.OrdinalIgnoreCase),
    };
}
