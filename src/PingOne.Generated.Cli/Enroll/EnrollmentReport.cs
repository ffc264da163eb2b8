using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace PingOne.Generated.Cli.Enroll;

/// <summary>
/// The results file: <c>line,userId,phone,extension,status,deviceId,detail</c>, one row per input row. Safe to open
/// in a spreadsheet: a cell that would start a formula (<c>= + - @</c>, tab, carriage return) is written with a
/// leading <c>'</c> (CsvHelper's <see cref="InjectionOptions.Escape"/>), so input text such as
/// <c>=HYPERLINK(...)</c> is shown, never evaluated, and a phone such as <c>+15125551234</c> stays text instead of
/// becoming the number 15125551234.
/// </summary>
internal static class EnrollmentReport
{
    public static readonly string[] Columns = { "line", "userId", "phone", "extension", "status", "deviceId", "detail" };

    public static void Write(string path, IEnumerable<RowResult> results)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, configuration);
        foreach (var column in Columns) csv.WriteField(column);
        csv.NextRecord();
        foreach (var row in results)
        {
            csv.WriteField(row.Line);
            csv.WriteField(row.UserId);
            csv.WriteField(row.Phone);
            csv.WriteField(row.Extension);
            csv.WriteField(row.Status);
            csv.WriteField(row.DeviceId);
            csv.WriteField(row.Detail);
            csv.NextRecord();
        }
    }
}
