using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace PingOne.Generated.Cli.Enroll;

/// <summary>Reads the spreadsheet: a header row, then <c>userId</c>, <c>phone</c> and optional <c>extension</c>, <c>nickname</c>, <c>policyId</c>.</summary>
internal static class EnrollmentCsv
{
    public static List<EnrollmentRow> Read(string path, string? policyForAll)
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
        var missing = new[] { "userid", "phone" }.Where(column => !header.Contains(column)).ToList();
        if (missing.Count > 0) throw new ArgumentException($"{path} has no {string.Join(" or ", missing)} column; the header must name userId and phone.");

        var rows = new List<EnrollmentRow>();
        while (csv.Read())
        {
            rows.Add(new EnrollmentRow(
                csv.Parser.RawRow,
                Field(csv, "userid"),
                Field(csv, "phone"),
                Field(csv, "extension"),
                Field(csv, "nickname"),
                policyForAll ?? Field(csv, "policyid")));
        }
        return rows;
    }

    private static string? Field(CsvReader csv, string name) =>
        csv.TryGetField<string>(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
