using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using PingOne.Generated.Cli.Enroll;

namespace PingOne.Generated.IntegrationTests;

/// <summary>
/// A directory in memory that pages like PingOne (a request per page, fetched as the caller reads) and records every
/// filter it was sent, so a test sees what a resolution strategy costs and what went on the wire. It understands only
/// <c>username eq "…"</c> and <c>email eq "…"</c> (SCIM string escapes undone), and compares without case as PingOne does.
/// </summary>
internal sealed class FakeUserDirectory : IUserDirectory
{
    private static readonly Regex Equality = new("""^(username|email) eq "((?:[^"\\]|\\.)*)"$""", RegexOptions.CultureInvariant);
    private readonly IReadOnlyList<DirectoryUser> _users;

    public FakeUserDirectory(IReadOnlyList<DirectoryUser> users) => _users = users;

    public int Requests { get; private set; }

    public List<string?> Filters { get; } = new();

    public static DirectoryUser User(int i, string? username = null, string? email = null) =>
        new($"00000000-0000-4000-8000-{i:D12}", username ?? $"user{i}", email ?? $"user{i}@example.com", true, ProfilePhone.Missing);

    public async IAsyncEnumerable<DirectoryUser> QueryAsync(string? scimFilter, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        lock (Filters) Filters.Add(scimFilter);
        Func<DirectoryUser, bool> matches = _ => true;
        if (scimFilter is not null)
        {
            var match = Equality.Match(scimFilter);
            if (!match.Success) throw new ArgumentException("the fake does not understand " + scimFilter);
            var value = Regex.Replace(match.Groups[2].Value, @"\\(.)", "$1");
            matches = match.Groups[1].Value == "username"
                ? user => string.Equals(user.Username, value, StringComparison.OrdinalIgnoreCase)
                : user => string.Equals(user.Email, value, StringComparison.OrdinalIgnoreCase);
        }
        var selected = _users.Where(matches).ToList();
        for (var start = 0; start == 0 || start < selected.Count; start += pageSize)
        {
            lock (Filters) Requests++;
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var user in selected.Skip(start).Take(pageSize)) yield return user;
        }
    }
}
