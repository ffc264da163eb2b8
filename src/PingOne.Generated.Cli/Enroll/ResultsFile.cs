using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PingOne.Generated.Cli.Enroll;

/// <summary>
/// Where a run writes one row per input row: <c>--results x.jsonl</c> (or <c>.ndjson</c>) is JSON Lines, for
/// programs; anything else is CSV, for spreadsheets (<see cref="CsvResults"/>). Both follow <see cref="ResultColumns"/>.
/// </summary>
internal abstract class ResultsFile
{
    protected ResultsFile(string path) => Path = path;

    public string Path { get; }

    /// <summary>The format the path's extension names.</summary>
    public static ResultsFile For(string path) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
            ? new JsonLinesResults(path)
            : new CsvResults(path);

    public abstract void Write(IEnumerable<RowResult> results);
}

/// <summary>
/// <c>line,userId,input,phone,extension,status,deviceId,detail</c>. Safe to open in a spreadsheet: a cell that would
/// start a formula (<c>= + - @</c>, tab, carriage return) is written with a leading <c>'</c> (CsvHelper's
/// <see cref="InjectionOptions.Escape"/>), which Excel and LibreOffice read as "this cell is text" and do not show,
/// so input such as <c>=HYPERLINK(...)</c> is shown, never evaluated, and <c>+15125551234</c> stays a phone instead
/// of becoming the number 15125551234. Programs read the JSON Lines file instead, which has no escape.
/// </summary>
internal sealed class CsvResults : ResultsFile
{
    public CsvResults(string path) : base(path)
    {
    }

    public override void Write(IEnumerable<RowResult> results)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };
        using var writer = new StreamWriter(Path);
        using var csv = new CsvWriter(writer, configuration);
        foreach (var name in ResultColumns.Names) csv.WriteField(name);
        csv.NextRecord();
        foreach (var row in results)
        {
            foreach (var (_, value) in ResultColumns.All) csv.WriteField(value(row));
            csv.NextRecord();
        }
    }
}

/// <summary>One JSON object per row, every field present (<see langword="null"/> when empty), values exactly as they are.</summary>
internal sealed class JsonLinesResults : ResultsFile
{
    public JsonLinesResults(string path) : base(path)
    {
    }

    public override void Write(IEnumerable<RowResult> results)
    {
        using var writer = new StreamWriter(Path);
        foreach (var row in results)
        {
            var line = new JObject();
            foreach (var (name, value) in ResultColumns.All) line[name] = value(row) is { } v ? JToken.FromObject(v) : JValue.CreateNull();
            writer.WriteLine(line.ToString(Formatting.None));
        }
    }
}
