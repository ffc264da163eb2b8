using System.Runtime.CompilerServices;

namespace PingOne.Generated.Cli.Enroll;

/// <summary>
/// The client's Users API as enrollment reads it: <see cref="PingOneMfaClient.ListUsersAsync"/> pages through the
/// users (each page through the client's read pipeline, so pacing, retries and next-link checks apply), and each
/// user's phone attribute is read with <see cref="UserPhone.TryRead"/>: the user's <c>address.countryCode</c> for a
/// national number, else <c>--phone-region</c>.
/// </summary>
internal sealed class PingOneUserDirectory : IUserDirectory
{
    private readonly PingOneMfaClient _client;
    private readonly string _environmentId;
    private readonly UserPhoneAttribute? _attribute;
    private readonly PhoneNormalizationOptions _phone;

    /// <param name="client">The client.</param>
    /// <param name="environmentId">The environment.</param>
    /// <param name="attribute">The phone attribute to read; <see langword="null"/> when only who the users are matters (resolution).</param>
    /// <param name="phone">The fallback region and validation.</param>
    public PingOneUserDirectory(PingOneMfaClient client, string environmentId, UserPhoneAttribute? attribute, PhoneNormalizationOptions phone)
    {
        _client = client;
        _environmentId = environmentId;
        _attribute = attribute;
        _phone = phone;
    }

    public async IAsyncEnumerable<DirectoryUser> QueryAsync(string? scimFilter, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = new UserQuery { Filter = scimFilter, Limit = pageSize };
        await foreach (var user in _client.ListUsersAsync(_environmentId, query, cancellationToken).ConfigureAwait(false))
            yield return new DirectoryUser(user.Id!, user.Username, user.Email, user.Enabled != false, Phone(user));
    }

    private ProfilePhone Phone(PingOneUser user)
    {
        if (_attribute is not { } attribute || UserPhone.ValueOf(user, attribute) is not { } text) return ProfilePhone.Missing;
        if (UserPhone.TryRead(user, attribute, _phone, out var phone, out var error)) return ProfilePhone.Of(phone!.Value, text);
        if (error!.Reason == PhoneNumberProblem.Empty) return ProfilePhone.Missing;
        // The message names the attribute and, for a national number, the missing country; .NET appends the parameter name again.
        var message = error.Message;
        var parameter = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return ProfilePhone.Unusable($"{error.Reason}: {(parameter < 0 ? message : message[..parameter])}", text);
    }
}
