namespace PingOne.Generated.Cli.Enroll;

/// <summary>
/// The fields of a results row, in order: the one list the CSV and the JSON Lines writers both follow, so a new
/// field (e.g. a user identifier) is added once. <c>input</c> is the phone cell as the file gave it: the admin's own
/// data, so that a bad value can be found in the spreadsheet it came from.
/// </summary>
internal static class ResultColumns
{
    public static readonly IReadOnlyList<(string Name, Func<RowResult, object?> Value)> All = new (string, Func<RowResult, object?>)[]
    {
        ("line", r => r.Line),
        ("userId", r => r.UserId),
        ("input", r => r.Input),
        ("phone", r => r.Phone),
        ("extension", r => r.Extension),
        ("status", r => r.Status),
        ("deviceId", r => r.DeviceId),
        ("detail", r => r.Detail),
    };

    public static IEnumerable<string> Names => All.Select(column => column.Name);
}
