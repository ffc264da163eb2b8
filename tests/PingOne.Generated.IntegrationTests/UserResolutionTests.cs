using PingOne.Generated.Cli.Enroll;

namespace PingOne.Generated.IntegrationTests;

/// <summary>
/// Resolving a spreadsheet's usernames and emails to user ids (issue 20, item 2), on a directory in memory that counts
/// requests: which way is taken for which file, what each row becomes, and the filters sent.
/// </summary>
public class UserResolutionTests
{
    private const int PageSize = 200;

    private static EnrollmentRow Row(int line, string? username = null, string? email = null, string? userId = null) =>
        new(line, userId, "+15125550100", null, null, "5a3b0b6c-1f4e-4b8a-9d0c-6e2f7a8b9c0d", username, email);

    private static FakeUserDirectory Directory(int users, Func<int, DirectoryUser>? make = null) =>
        new(Enumerable.Range(0, users).Select(i => make?.Invoke(i) ?? FakeUserDirectory.User(i)).ToList());

    [Test]
    public async Task ThousandUsernames_InADirectoryOfTwoThousand_AreResolvedByReadingTheDirectory_TenPages_NoLookups()
    {
        var directory = Directory(2_000);
        var rows = Enumerable.Range(0, 1_000).Select(i => Row(i + 2, username: $"USER{i * 2}")).ToList(); // case differs from PingOne's

        var (resolution, resolved, invalid) = await UserResolution.ResolveAsync(rows, directory, PageSize, 4, CancellationToken.None);

        Assert.That(invalid, Is.Empty);
        Assert.That(resolved.Select(r => r.UserId), Is.EqualTo(Enumerable.Range(0, 1_000).Select(i => FakeUserDirectory.User(i * 2).Id)));
        Assert.That(directory.Requests, Is.EqualTo(10), "2,000 users at 200 a page");
        Assert.That(directory.Filters, Is.EqualTo(new string?[] { null }), "one unfiltered read, no look-up");
        Assert.That(resolution.Lookups, Is.Zero);
        Assert.That(resolution.Strategy, Does.Contain("by reading the directory").And.Contain("10 pages"));
    }

    [Test]
    public async Task ThreeUsernames_InADirectoryOfFiftyThousand_AreLookedUp_AfterAtMostThreePages()
    {
        var directory = Directory(50_000);
        var rows = new[] { Row(2, username: "user49000"), Row(3, username: "user30000"), Row(4, username: "user10000") };

        var (resolution, resolved, invalid) = await UserResolution.ResolveAsync(rows, directory, PageSize, 4, CancellationToken.None);

        Assert.That(invalid, Is.Empty);
        Assert.That(resolved.Select(r => r.UserId), Is.EqualTo(new[] { 49000, 30000, 10000 }.Select(i => FakeUserDirectory.User(i).Id)));
        Assert.That(directory.Requests, Is.EqualTo(6), "3 pages read (fewer than the 3 identifiers unsettled), then 3 look-ups; never the 250 pages");
        Assert.That(directory.Filters.Skip(1), Is.EquivalentTo(new[] { "username eq \"user49000\"", "username eq \"user30000\"", "username eq \"user10000\"" }));
        Assert.That(resolution.Strategy, Does.Contain("3 filtered look-ups"));
    }

    [Test]
    public async Task UsernameFoundOnTheFirstPage_NeedsNoLookup_AndTheReadingStopsThere()
    {
        var directory = Directory(50_000);

        var (_, resolved, _) = await UserResolution.ResolveAsync(new[] { Row(2, username: "user7") }, directory, PageSize, 4, CancellationToken.None);

        Assert.That(resolved.Single().UserId, Is.EqualTo(FakeUserDirectory.User(7).Id));
        Assert.That(directory.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task UnknownUsername_IsInvalid_NamingTheColumnButNotTheValue()
    {
        var directory = Directory(10);

        var (_, resolved, invalid) = await UserResolution.ResolveAsync(new[] { Row(2, username: "nobody"), Row(3, username: "user1") }, directory, PageSize, 4, CancellationToken.None);

        Assert.That(resolved.Single().Line, Is.EqualTo(3));
        var row = invalid.Single();
        Assert.That((row.Line, row.Status, row.Detail), Is.EqualTo((2, RowStatus.Invalid, "no user with this username")));
        Assert.That(row.Identifier, Is.EqualTo("username:nobody"), "the results file carries the identifier as given");
    }

    [Test]
    public async Task EmailSharedByThreeUsers_IsInvalid_SayingHowMany_EvenWhenTheSharersAreOnPagesNotRead()
    {
        // 20,000 users: an email on page 1 is shared by users on pages 40 and 90, which a short read never sees.
        var directory = Directory(20_000, i => i is 5 or 8_000 or 18_000 ? FakeUserDirectory.User(i, email: "Team@Example.com") : FakeUserDirectory.User(i));
        var rows = new[] { Row(2, email: "team@example.com"), Row(3, email: "user6@example.com") };

        var (_, resolved, invalid) = await UserResolution.ResolveAsync(rows, directory, PageSize, 4, CancellationToken.None);

        Assert.That(invalid.Single().Detail, Is.EqualTo("3 users share this email; name the user by username or userId"));
        Assert.That(resolved.Single().UserId, Is.EqualTo(FakeUserDirectory.User(6).Id));
        Assert.That(directory.Filters, Does.Contain("email eq \"team@example.com\""), "an email is looked up unless the whole directory was read");
    }

    [Test]
    public async Task ColumnsThatNameDifferentUsers_AreInvalid_AndAgreeingColumnsResolve()
    {
        var directory = Directory(10);
        var rows = new[]
        {
            Row(2, username: "user1", email: "user2@example.com"),
            Row(3, username: "user3", userId: FakeUserDirectory.User(4).Id),
            Row(4, username: "user5", email: "user5@example.com", userId: FakeUserDirectory.User(5).Id.ToUpperInvariant()),
        };

        var (_, resolved, invalid) = await UserResolution.ResolveAsync(rows, directory, PageSize, 4, CancellationToken.None);

        Assert.That(invalid.Select(r => (r.Line, r.Detail)), Is.EqualTo(new[]
        {
            (2, "username and email name different users; leave one column or correct it"),
            (3, "userId and username name different users; leave one column or correct it"),
        }));
        Assert.That(resolved.Single().Line, Is.EqualTo(4));
    }

    [Test]
    public async Task UsernameWithQuoteAndBackslash_IsSentEscaped_AndResolves()
    {
        // A value that would widen an unescaped filter: username eq "a" or username pr or "\"
        const string hostile = "a\" or username pr or \"\\";
        var directory = Directory(5_000, i => i == 4_321 ? FakeUserDirectory.User(i, username: hostile) : FakeUserDirectory.User(i));

        var (_, resolved, invalid) = await UserResolution.ResolveAsync(new[] { Row(2, username: hostile) }, directory, PageSize, 4, CancellationToken.None);

        Assert.That(invalid, Is.Empty);
        Assert.That(resolved.Single().UserId, Is.EqualTo(FakeUserDirectory.User(4_321).Id));
        Assert.That(directory.Filters.Last(), Is.EqualTo("username eq \"a\\\" or username pr or \\\"\\\\\""));
    }

    [Test]
    public async Task UsernameWithALineBreak_IsInvalid_AndNeverSent()
    {
        var directory = Directory(5_000);

        var (_, _, invalid) = await UserResolution.ResolveAsync(new[] { Row(2, username: "user1\nuser2") }, directory, PageSize, 4, CancellationToken.None);

        Assert.That(invalid.Single().Detail, Does.StartWith("this username holds a control character"));
        Assert.That(directory.Requests, Is.Zero);
    }

    [Test]
    public async Task RowsNamedByUserIdOnly_AreLeftAsTheyAre_WithoutARequest()
    {
        var directory = Directory(10);
        var rows = new[] { Row(2, userId: FakeUserDirectory.User(1).Id) };

        var (_, resolved, _) = await UserResolution.ResolveAsync(rows, directory, PageSize, 4, CancellationToken.None);

        Assert.That(resolved, Is.EqualTo(rows));
        Assert.That(directory.Requests, Is.Zero);
    }
}
