using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace PingOne.Generated.Cli.Enroll;

/// <summary>Reads the spreadsheet: a header row, then <c>userId</c>, <c>username</c> or <c>email</c>, <c>phone</c> and optional <c>extension</c>, <c>nickname</c>, <c>policyId</c>.</summary>
internal static class EnrollmentCsv
{
    /// <param name="path">The CSV file.</param>
    /// <param name="policyForAll"><c>--policy</c>: the policy of every row.</param>
    /// <param name="fallbackPolicy">The policy of rows whose <c>policyId</c> cell is empty (the emulator's seed policy), if any.</param>
    /// <exception cref="ArgumentException">The file has no header, misses a required column, or no row can have a policy.</exception>
    public static List<EnrollmentRow> Read(string path, string? policyForAll, string? fallbackPolicy)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true, // "," or ";" as spreadsheets export them
            DetectDelimiterValues = new[] { ",", ";", "\t" },
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.Trim,
            PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
            MissingFieldFound = null,
            HeaderValidated = null,
            BadDataFound = null,
        };
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, configuration);
        if (!csv.Read() || !csv.ReadHeader()) throw new ArgumentException($"{path} is empty: it needs a header row with userId and phone columns.");
        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToHashSet();
        var missing = new List<string>();
        if (!new[] { "userid", "username", "email" }.Any(header.Contains)) missing.Add(header.Contains("phone") ? "userId, username or email" : "userid");
        if (!header.Contains("phone")) missing.Add("phone");
        if (missing.Count > 0) throw new ArgumentException($"{path} has no {string.Join(" or ", missing)} column; the header must name phone and the user by userId, username or email.");
        if (policyForAll is null && fallbackPolicy is null && !header.Contains("policyid"))
            throw new ArgumentException($"No device authentication policy: {path} has no policyId column and --policy was not given. Pass --policy <id> for every row, or add a policyId column.");

        var rows = new List<EnrollmentRow>();
        while (csv.Read())
        {
            rows.Add(new EnrollmentRow(
                FirstLine(csv.Parser),
                Field(csv, "userid"),
                Field(csv, "phone"),
                Field(csv, "extension"),
                Field(csv, "nickname"),
                policyForAll ?? Field(csv, "policyid") ?? fallbackPolicy,
                Field(csv, "username"),
                Field(csv, "email")));
        }
        return rows;
    }

    // RawRow is the line a record ends on; a quoted cell may hold line breaks, and a row is named by the line it starts on.
    private static int FirstLine(IParser parser)
    {
        var raw = parser.RawRecord.AsSpan().Trim("\r\n");
        var breaks = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\n' || (raw[i] == '\r' && (i + 1 == raw.Length || raw[i + 1] != '\n'))) breaks++;
        }
        return parser.RawRow - breaks;
    }

    private static string? Field(CsvReader csv, string name) =>
        csv.TryGetField<string>(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
