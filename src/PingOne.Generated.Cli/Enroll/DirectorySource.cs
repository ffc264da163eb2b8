using System.Runtime.CompilerServices;

namespace PingOne.Generated.Cli.Enroll;

/// <summary>
/// The users of a selection as enrollment work, streamed as PingOne pages them: each user is one row named by its
/// place in the stream (<c>line</c> in the results), either to enroll with the phone of its profile, or settled
/// without a request: <c>disabled</c>, <c>no-phone</c>, or <c>invalid</c> when the phone cannot be read.
/// </summary>
internal static class DirectorySource
{
    /// <param name="directory">The environment's users.</param>
    /// <param name="selection">Which users, and which attribute holds the phone.</param>
    /// <param name="policyId">The device authentication policy of every device.</param>
    /// <param name="pageSize">Users asked for per page.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public static async IAsyncEnumerable<UserWork> ReadAsync(IUserDirectory directory, DirectorySelection selection, string policyId, int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var line = 0;
        await foreach (var user in directory.QueryAsync(selection.ScimFilter, pageSize, cancellationToken).ConfigureAwait(false))
            yield return Work(user, ++line, selection.Attribute, policyId);
    }

    public static UserWork Work(DirectoryUser user, int line, UserPhoneAttribute attribute, string policyId)
    {
        // The phone as the profile holds it is the row's input; the canonical phone is what is sent and keyed.
        var row = new EnrollmentRow(line, user.Id, user.Phone.Text, null, null, policyId, user.Username);
        if (!user.Enabled) return Settled(row, RowStatus.Disabled, "the user is disabled in PingOne (enabled is false)");
        if (user.Phone.Problem is { } problem) return Settled(row, RowStatus.Invalid, problem);
        if (user.Phone.Phone is not { } phone) return Settled(row, RowStatus.NoPhone, $"the user has no {UserPhone.NameOf(attribute)}");
        return new UserWork(new PlannedRow(row, phone, EnrollmentKey.For(user.Id, phone)), null);
    }

    private static UserWork Settled(EnrollmentRow row, string status, string detail) =>
        new(null, new RowResult(row.Line, row.UserId, null, null, status, Detail: detail) { Input = row.Phone, Identifier = row.Identifier });
}
