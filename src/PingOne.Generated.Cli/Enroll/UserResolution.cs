using System.Globalization;

namespace PingOne.Generated.Cli.Enroll;

/// <summary>
/// Turns the usernames and emails of a spreadsheet into PingOne user ids before any device is created.
/// <para>
/// Two ways, and the run takes the cheaper for the file without knowing the directory's size in advance (PingOne's
/// user list does not promise a total): it reads the environment's users page by page for as long as the pages read
/// stay fewer than the identifiers still unsettled, and looks up what remains, one filtered request per identifier.
/// A file naming thousands of people in a directory of a few thousand is settled by reading the directory (a page
/// of 200 names up to 200 of them); a file naming a handful in a large directory reads one page, then looks up the
/// rest. Either way the cost stays within twice the cheaper of the two (the ski-rental rule).
/// </para>
/// <para>
/// Usernames are unique in an environment, so a username found on a page is settled; emails are not, so an email is
/// settled only by a complete reading of the directory or by its own look-up, which returns every user sharing it.
/// Identifier values are personal data: they appear in the results file (the administrator's own) and never in a
/// message on the console.
/// </para>
/// </summary>
internal sealed class UserResolution
{
    private readonly Dictionary<UserIdentifier, List<string>> _found;

    private UserResolution(Dictionary<UserIdentifier, List<string>> found, string strategy, int pagesRead, int lookups)
    {
        _found = found;
        Strategy = strategy;
        PagesRead = pagesRead;
        Lookups = lookups;
    }

    /// <summary>How the identifiers were resolved, for stderr: no identifier values, only counts.</summary>
    public string Strategy { get; }

    /// <summary>Directory pages read (estimated from the users read and the page size asked for).</summary>
    public int PagesRead { get; }

    /// <summary>Filtered look-ups sent, one per identifier.</summary>
    public int Lookups { get; }

    /// <summary>Resolves every username and email of <paramref name="rows"/>.</summary>
    /// <param name="rows">The spreadsheet's rows.</param>
    /// <param name="directory">The environment's users.</param>
    /// <param name="pageSize">Users asked for per page when reading the directory.</param>
    /// <param name="concurrency">Look-ups in flight at once.</param>
    /// <param name="cancellationToken">Cancels the resolution.</param>
    /// <returns>The rows with their user ids filled in, and the rows that name no single user, as <c>invalid</c>.</returns>
    public static async Task<(UserResolution Resolution, List<EnrollmentRow> Rows, List<RowResult> Invalid)> ResolveAsync(
        IReadOnlyList<EnrollmentRow> rows, IUserDirectory directory, int pageSize, int concurrency, CancellationToken cancellationToken)
    {
        var wanted = rows.SelectMany(Identifiers).Where(identifier => identifier.CanBeLookedUp).ToHashSet();
        if (wanted.Count == 0) return new UserResolution(new(), "no username or email to look up", 0, 0).Apply(rows);

        var found = new Dictionary<UserIdentifier, List<string>>();
        foreach (var identifier in wanted) found[identifier] = new List<string>();
        var byUsername = wanted.Where(i => i.Kind == UserIdentifierKind.Username).ToDictionary(i => i.Value, i => i, StringComparer.OrdinalIgnoreCase);
        var byEmail = wanted.Where(i => i.Kind == UserIdentifierKind.Email).ToDictionary(i => i.Value, i => i, StringComparer.OrdinalIgnoreCase);
        var unsettledUsernames = byUsername.Count;

        // Read the directory while it stays the cheaper way: pages read < identifiers still unsettled.
        var usersRead = 0;
        var complete = true;
        await using (var users = directory.QueryAsync(null, pageSize, cancellationToken).GetAsyncEnumerator(cancellationToken))
        {
            while (true)
            {
                if (unsettledUsernames + byEmail.Count == 0 || (usersRead % pageSize == 0 && usersRead / pageSize >= unsettledUsernames + byEmail.Count))
                {
                    complete = false;
                    break;
                }
                if (!await users.MoveNextAsync().ConfigureAwait(false)) break;
                usersRead++;
                var user = users.Current;
                if (user.Username is not null && byUsername.TryGetValue(user.Username, out var username) && found[username].Count == 0)
                {
                    found[username].Add(user.Id);
                    unsettledUsernames--;
                }
                if (user.Email is not null && byEmail.TryGetValue(user.Email, out var email)) found[email].Add(user.Id);
            }
        }
        var pages = (usersRead + pageSize - 1) / pageSize;
        if (complete && pages == 0) pages = 1; // an empty directory still answered one page

        // Look up what the pages could not settle: usernames not seen, and every email (another page may share it).
        var lookups = complete ? new List<UserIdentifier>() : wanted.Where(i => i.Kind == UserIdentifierKind.Email || found[i].Count == 0).ToList();
        await Parallel.ForEachAsync(lookups, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (identifier, ct) =>
        {
            var ids = new List<string>();
            await foreach (var user in directory.QueryAsync(identifier.ScimFilter(), pageSize, ct).ConfigureAwait(false))
            {
                if (identifier.Names(user)) ids.Add(user.Id); // the filter is PingOne's; the match is checked here too
            }
            lock (found) found[identifier] = ids;
        }).ConfigureAwait(false);

        var strategy = lookups.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"resolved {wanted.Count} distinct usernames/emails by reading the directory ({usersRead} users, {pages} page{(pages == 1 ? string.Empty : "s")} of up to {pageSize})")
            : string.Create(CultureInfo.InvariantCulture, $"resolved {wanted.Count} distinct usernames/emails by {lookups.Count} filtered look-up{(lookups.Count == 1 ? string.Empty : "s")}{(pages > 0 ? $" after reading {pages} page{(pages == 1 ? string.Empty : "s")} of the directory" : string.Empty)} (cheaper than reading the whole directory)");
        return new UserResolution(found, strategy, pages, lookups.Count).Apply(rows);
    }

    private (UserResolution, List<EnrollmentRow>, List<RowResult>) Apply(IReadOnlyList<EnrollmentRow> rows)
    {
        var resolved = new List<EnrollmentRow>(rows.Count);
        var invalid = new List<RowResult>();
        foreach (var row in rows)
        {
            var identifiers = Identifiers(row).ToList();
            if (identifiers.Count == 0)
            {
                resolved.Add(row);
                continue;
            }
            if (Problem(row, identifiers, out var userId) is { } problem)
                invalid.Add(new RowResult(row.Line, row.UserId, null, null, RowStatus.Invalid, Detail: problem) { Input = row.Phone, Identifier = row.Identifier });
            else
                resolved.Add(row with { UserId = userId });
        }
        return (this, resolved, invalid);
    }

    // Why the row names no single user, or null with the user it names.
    private string? Problem(EnrollmentRow row, List<UserIdentifier> identifiers, out string? userId)
    {
        userId = null;
        foreach (var identifier in identifiers)
        {
            if (!identifier.CanBeLookedUp) return $"this {identifier.Column} holds a control character (a line break or tab?); PingOne cannot look it up";
            var ids = _found[identifier];
            if (ids.Count == 0) return $"no user with this {identifier.Column}";
            if (ids.Count > 1)
                return string.Create(CultureInfo.InvariantCulture, $"{ids.Count} users share this {identifier.Column}; name the user by username or userId");
        }
        var named = identifiers.Select(i => _found[i][0]).Concat(row.UserId is null ? Enumerable.Empty<string>() : new[] { row.UserId })
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (named.Count > 1)
        {
            var columns = (row.UserId is null ? Enumerable.Empty<string>() : new[] { "userId" }).Concat(identifiers.Select(i => i.Column));
            return $"{string.Join(" and ", columns)} name different users; leave one column or correct it";
        }
        userId = named[0];
        return null;
    }

    private static IEnumerable<UserIdentifier> Identifiers(EnrollmentRow row)
    {
        if (row.Username is not null) yield return new UserIdentifier(UserIdentifierKind.Username, row.Username);
        if (row.Email is not null) yield return new UserIdentifier(UserIdentifierKind.Email, row.Email);
    }
}
