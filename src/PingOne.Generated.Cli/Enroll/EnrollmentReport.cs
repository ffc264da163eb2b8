using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace PingOne.Generated.Cli.Enroll;

/// <summary>
/// The results file: <c>line,userId,phone,extension,status,deviceId,detail</c> (with <c>identifier</c> after <c>line</c>
/// when users are named by username or email), one row per input row or directory user. Safe to open
/// in a spreadsheet: a cell that would start a formula (<c>= + - @</c>, tab, carriage return) is written with a
/// leading <c>'</c> (CsvHelper's <see cref="InjectionOptions.Escape"/>), so input text such as
/// <c>=HYPERLINK(...)</c> is shown, never evaluated, and a phone such as <c>+15125551234</c> stays text instead of
/// becoming the number 15125551234.
/// </summary>
internal sealed class EnrollmentReport : IDisposable
{
    public static readonly string[] Columns = { "line", "userId", "phone", "extension", "status", "deviceId", "detail" };

    private readonly StreamWriter _writer;
    private readonly CsvWriter _csv;
    private readonly bool _withIdentifier;

    /// <summary>Starts a results file and writes its header.</summary>
    /// <param name="path">The file.</param>
    /// <param name="withIdentifier">
    /// Add an <c>identifier</c> column after <c>line</c>: the username or email as given (<c>username:jdoe</c>), for a
    /// file naming users that way or a run from the directory. A file of user ids keeps its columns.
    /// </param>
    public EnrollmentReport(string path, bool withIdentifier)
    {
        _writer = new StreamWriter(path);
        _csv = new CsvWriter(_writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });
        _withIdentifier = withIdentifier;
        foreach (var column in withIdentifier ? Columns.Take(1).Append("identifier").Concat(Columns.Skip(1)) : Columns) _csv.WriteField(column);
        _csv.NextRecord();
    }

    public static void Write(string path, IReadOnlyCollection<RowResult> results)
    {
        using var report = new EnrollmentReport(path, results.Any(r => r.Identifier is not null));
        foreach (var row in results) report.Add(row);
    }

    /// <summary>Writes one row (a streamed run writes each as it ends).</summary>
    public void Add(RowResult row)
    {
        _csv.WriteField(row.Line);
        if (_withIdentifier) _csv.WriteField(row.Identifier);
        _csv.WriteField(row.UserId);
        _csv.WriteField(row.Phone);
        _csv.WriteField(row.Extension);
        _csv.WriteField(row.Status);
        _csv.WriteField(row.DeviceId);
        _csv.WriteField(row.Detail);
        _csv.NextRecord();
    }

    public void Dispose()
    {
        _csv.Dispose();
        _writer.Dispose();
    }
}
