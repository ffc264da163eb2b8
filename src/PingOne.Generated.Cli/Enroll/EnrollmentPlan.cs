using System.Globalization;

namespace PingOne.Generated.Cli.Enroll;

/// <summary>A row that can be sent: its canonical phone and its key.</summary>
internal sealed record PlannedRow(EnrollmentRow Row, NormalizedPhone Phone, EnrollmentKey Key);

/// <summary>
/// Every row judged before any request: bad rows are <c>invalid</c>, a row repeating an earlier row's key is
/// <c>duplicate</c> (naming that row's line), and the rest are grouped by user, so that no two rows of one user
/// ever run at the same time and a user's devices are listed once.
/// </summary>
internal sealed class EnrollmentPlan
{
    private EnrollmentPlan(IReadOnlyList<RowResult> settled, IReadOnlyList<IReadOnlyList<PlannedRow>> users)
    {
        Settled = settled;
        Users = users;
    }

    /// <summary>Rows decided without PingOne: <c>invalid</c> and <c>duplicate</c>.</summary>
    public IReadOnlyList<RowResult> Settled { get; }

    /// <summary>The rows to send, one list per user (in the order of each user's first row), each in file order.</summary>
    public IReadOnlyList<IReadOnlyList<PlannedRow>> Users { get; }

    public static EnrollmentPlan Make(IEnumerable<EnrollmentRow> rows, PhoneNumberNormalizer normalizer)
    {
        var settled = new List<RowResult>();
        var firstLineOf = new Dictionary<EnrollmentKey, int>();
        var byUser = new Dictionary<string, List<PlannedRow>>(StringComparer.Ordinal);
        var users = new List<List<PlannedRow>>();
        foreach (var row in rows)
        {
            if (Problem(row, normalizer, out var phone) is { } problem)
            {
                settled.Add(new RowResult(row.Line, row.UserId, null, null, RowStatus.Invalid, Detail: problem) { Input = row.Phone });
                continue;
            }
            var key = EnrollmentKey.For(row.UserId!, phone);
            if (firstLineOf.TryGetValue(key, out var first))
            {
                settled.Add(new RowResult(row.Line, row.UserId, phone.Phone, phone.Extension, RowStatus.Duplicate,
                    Detail: string.Create(CultureInfo.InvariantCulture, $"same user, phone and extension as line {first}")) { Input = row.Phone });
                continue;
            }
            firstLineOf.Add(key, row.Line);
            if (!byUser.TryGetValue(key.UserId, out var ofUser))
            {
                byUser.Add(key.UserId, ofUser = new List<PlannedRow>());
                users.Add(ofUser);
            }
            ofUser.Add(new PlannedRow(row, phone, key));
        }
        return new EnrollmentPlan(settled, users);
    }

    // The same rules the client applies before it sends, checked here so that a bad row is reported, not thrown.
    private static string? Problem(EnrollmentRow row, PhoneNumberNormalizer normalizer, out NormalizedPhone phone)
    {
        phone = default;
        if (row.UserId is null) return "userId is empty";
        if (!Ids.IsId(row.UserId)) return $"userId is not a PingOne user id (a UUID such as {Ids.Example})";
        if (row.PolicyId is null) return "policyId is empty (fill the column or pass --policy)";
        if (!Ids.IsId(row.PolicyId)) return "policyId is not a PingOne id (a UUID)";
        if (DeviceRules.NicknameProblem(row.Nickname, "nickname") is { } nickname) return nickname;
        if (!normalizer.TryNormalize(row.Phone ?? string.Empty, row.Extension, out phone, out var error))
            return PhoneProblems.Describe(error!.Reason, "phone", "the extension column");
        return null;
    }
}
