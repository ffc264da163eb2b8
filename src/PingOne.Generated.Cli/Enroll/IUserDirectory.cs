namespace PingOne.Generated.Cli.Enroll;

/// <summary>
/// The environment's users as enrollment reads them: a query streamed page by page (never the whole directory in
/// memory). The CLI's own seam over the client's Users API, so resolution and the directory source are tested on a
/// fake that counts the requests each strategy costs.
/// </summary>
internal interface IUserDirectory
{
    /// <summary>The users matching <paramref name="scimFilter"/> (every user when <see langword="null"/>), a page at a time as the caller reads.</summary>
    /// <param name="scimFilter">A SCIM filter PingOne accepts for users, already escaped.</param>
    /// <param name="pageSize">The <c>limit</c> asked for per page (PingOne may answer with fewer).</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    IAsyncEnumerable<DirectoryUser> QueryAsync(string? scimFilter, int pageSize, CancellationToken cancellationToken);
}

/// <summary>
/// What enrollment needs of a PingOne user: who they are, whether they are enabled, and the profile phone attribute
/// asked for (<c>--phone-attribute</c>) as read with the user's country.
/// </summary>
/// <param name="Id">The user id.</param>
/// <param name="Username">The username.</param>
/// <param name="Email">The email, which several users may share.</param>
/// <param name="Enabled">PingOne's <c>enabled</c>; absent means enabled (PingOne's default).</param>
/// <param name="Phone">The phone attribute as read, or how it could not be.</param>
internal sealed record DirectoryUser(string Id, string? Username, string? Email, bool Enabled, ProfilePhone Phone);

/// <summary>
/// A user's profile phone attribute, read through the phone layer: a canonical phone, absent, or why it cannot be used;
/// <see cref="Text"/> is the attribute as PingOne stores it (the results file's <c>input</c>).
/// </summary>
internal readonly record struct ProfilePhone(NormalizedPhone? Phone, string? Problem, string? Text = null)
{
    /// <summary>The user has no value for the attribute.</summary>
    public static ProfilePhone Missing => default;

    public static ProfilePhone Of(NormalizedPhone phone, string? text = null) => new(phone, null, text);

    public static ProfilePhone Unusable(string problem, string? text = null) => new(null, problem, text);

    public bool IsMissing => Phone is null && Problem is null;
}
