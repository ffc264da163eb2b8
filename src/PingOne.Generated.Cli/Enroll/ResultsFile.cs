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
    protected ResultsFile(string path, bool withIdentifier)
    {
        Path = path;
        Columns = ResultColumns.For(withIdentifier);
    }

    public string Path { get; }

    protected IReadOnlyList<(string Name, Func<RowResult, object?> Value)> Columns { get; }

    /// <summary>The format the path's extension names.</summary>
    /// <param name="path">The file.</param>
    /// <param name="withIdentifier">Whether the run names users by username or email (or reads the directory): an <c>identifier</c> column.</param>
    public static ResultsFile For(string path, bool withIdentifier = false) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
            ? new JsonLinesResults(path, withIdentifier)
            : new CsvResults(path, withIdentifier);

    /// <summary>Writes every row (a run from a file writes them at the end, in file order).</summary>
    public void Write(IEnumerable<RowResult> results)
    {
        using var writer = Open();
        foreach (var row in results) writer.Add(row);
    }

    /// <summary>Starts the file, for a run that writes each row as it ends (from the directory: nothing kept in memory).</summary>
    public abstract IResultsWriter Open();
}

/// <summary>An open results file: one row at a time, flushed when disposed.</summary>
internal interface IResultsWriter : IDisposable
{
    void Add(RowResult row);
}

/// <summary>
/// <c>line,userId,input,phone,extension,status,deviceId,detail</c> (<c>identifier</c> after <c>userId</c> when users are named by username or email). Safe to open in a spreadsheet: a cell that would
/// start a formula (<c>= + - @</c>, tab, carriage return) is written with a leading <c>'</c> (CsvHelper's
/// <see cref="InjectionOptions.Escape"/>), which Excel and LibreOffice read as "this cell is text" and do not show,
/// so input such as <c>=HYPERLINK(...)</c> is shown, never evaluated, and <c>+15125551234</c> stays a phone instead
/// of becoming the number 15125551234. Programs read the JSON Lines file instead, which has no escape.
/// </summary>
internal sealed class CsvResults : ResultsFile
{
    public CsvResults(string path, bool withIdentifier) : base(path, withIdentifier)
    {
    }

    public override IResultsWriter Open() => new Writer(Path, Columns);

    private sealed class Writer : IResultsWriter
    {
        private readonly StreamWriter _writer;
        private readonly CsvWriter _csv;
        private readonly IReadOnlyList<(string Name, Func<RowResult, object?> Value)> _columns;

        public Writer(string path, IReadOnlyList<(string Name, Func<RowResult, object?> Value)> columns)
        {
            _writer = new StreamWriter(path);
            _csv = new CsvWriter(_writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });
            _columns = columns;
            foreach (var (name, _) in columns) _csv.WriteField(name);
            _csv.NextRecord();
        }

        public void Add(RowResult row)
        {
            foreach (var (_, value) in _columns) _csv.WriteField(value(row));
            _csv.NextRecord();
        }

        public void Dispose()
        {
            _csv.Dispose();
            _writer.Dispose();
        }
    }
}

/// <summary>One JSON object per row, every field present (<see langword="null"/> when empty), values exactly as they are.</summary>
internal sealed class JsonLinesResults : ResultsFile
{
    public JsonLinesResults(string path, bool withIdentifier) : base(path, withIdentifier)
    {
    }

    public override IResultsWriter Open() => new Writer(Path, Columns);

    private sealed class Writer : IResultsWriter
    {
        private readonly StreamWriter _writer;
        private readonly IReadOnlyList<(string Name, Func<RowResult, object?> Value)> _columns;

        public Writer(string path, IReadOnlyList<(string Name, Func<RowResult, object?> Value)> columns)
        {
            _writer = new StreamWriter(path);
            _columns = columns;
        }

        public void Add(RowResult row)
        {
            var line = new JObject();
            foreach (var (name, value) in _columns) line[name] = value(row) is { } v ? JToken.FromObject(v) : JValue.CreateNull();
            _writer.WriteLine(line.ToString(Formatting.None));
        }

        public void Dispose() => _writer.Dispose();
    }
}
