using System.Globalization;

namespace PingOne.Generated.Cli.Enroll;

/// <summary>
/// How a row ended: one set of names for the results file, the journal, the summary and the progress line.
/// The README's enrollment section documents each.
/// </summary>
internal static class RowStatus
{
    /// <summary>The device was created, by this run or by an earlier run of the same journal.</summary>
    public const string Created = "created";

    /// <summary>The user already had a voice device with this phone and extension.</summary>
    public const string Exists = "exists";

    /// <summary>The row repeats an earlier row's user, phone and extension; nothing was sent for it.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>Dry run only: the row is valid and would be created.</summary>
    public const string Ready = "ready";

    /// <summary>The row is bad (a usage problem of the file); nothing was sent for it.</summary>
    public const string Invalid = "invalid";

    /// <summary>PingOne refused the row, or the pre-flight shows it would: sending it again unchanged cannot help.</summary>
    public const string Refused = "refused";

    /// <summary>PingOne could not be reached or the outcome is unknown: run the same command again.</summary>
    public const string Failed = "failed";

    /// <summary>Journal only: a create was sent and the run stopped before its outcome was recorded.</summary>
    public const string Started = "started";

    /// <summary>The statuses a row can end with, in the order the summary lists them.</summary>
    public static readonly string[] Outcomes = { Created, Ready, Exists, Duplicate, Invalid, Refused, Failed };

    /// <summary>The statuses with their counts, as the summary and the progress line write them: <c>created 12, exists 3</c>.</summary>
    public static string Tally(IEnumerable<string> statuses, Func<string, int> count) =>
        string.Join(", ", statuses.Select(status => string.Create(CultureInfo.InvariantCulture, $"{status} {count(status)}")));

    /// <summary>Outcomes a resumed run keeps for an unchanged row: PingOne holds the device, nothing is left to do.</summary>
    public static bool IsKeptOnResume(string status) => status is Created or Exists;
}

/// <summary>
/// What happened to a row: a line of the results file. <see cref="Phone"/> and <see cref="Extension"/> are the
/// canonical values sent (or that would be), <see langword="null"/> for a row that did not normalize.
/// </summary>
internal sealed record RowResult(int Line, string? UserId, string? Phone, string? Extension, string Status,
    string? DeviceId = null, string? Detail = null)
{
    /// <summary>The phone cell as the file gave it (trimmed), so an admin can find a bad value in their own data.</summary>
    public string? Input { get; init; }
}
