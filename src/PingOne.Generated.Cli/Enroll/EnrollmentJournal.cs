using Newtonsoft.Json;

namespace PingOne.Generated.Cli.Enroll;

/// <summary>
/// An append-only record of what happened to each row, one JSON object per line, flushed as it happens,
/// so a run killed at any moment can be started again: rows that ended are skipped, rows that were in
/// flight are checked again.
/// </summary>
internal sealed class EnrollmentJournal : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly object _gate = new();

    private EnrollmentJournal(StreamWriter writer, IReadOnlyDictionary<int, RowResult> previous)
    {
        _writer = writer;
        Previous = previous;
    }

    /// <summary>The last entry of each row from earlier runs.</summary>
    public IReadOnlyDictionary<int, RowResult> Previous { get; }

    public static EnrollmentJournal Open(string path)
    {
        var previous = new Dictionary<int, RowResult>();
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                // A kill can cut the last line short; what it described is checked again.
                RowResult? entry;
                try { entry = JsonConvert.DeserializeObject<RowResult>(line); }
                catch (JsonException) { continue; }
                if (entry is not null) previous[entry.Line] = entry;
            }
        }
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        return new EnrollmentJournal(new StreamWriter(stream) { AutoFlush = false }, previous);
    }

    public void Append(RowResult entry)
    {
        var line = JsonConvert.SerializeObject(entry);
        lock (_gate)
        {
            _writer.WriteLine(line);
            _writer.Flush();
        }
    }

    public void Dispose() => _writer.Dispose();
}
