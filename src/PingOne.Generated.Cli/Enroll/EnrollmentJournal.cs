using System.Globalization;
using Newtonsoft.Json;

namespace PingOne.Generated.Cli.Enroll;

/// <summary>
/// An append-only record of each key's steps, one JSON object per line and flushed as it happens, so a run killed at
/// any moment can be started again. The first line names the target (API address and environment): a journal never
/// resumes a run against another one. Entries are keyed by (user, canonical phone, extension), not by line number,
/// so an edited spreadsheet is judged by what its rows ask for.
/// </summary>
internal sealed class EnrollmentJournal : IDisposable
{
    private const string Kind = "pingone-voice enroll journal";
    private const int Version = 2;

    private readonly StreamWriter _writer;
    private readonly object _gate = new();

    private EnrollmentJournal(StreamWriter writer, IReadOnlyDictionary<EnrollmentKey, JournalEntry> previous)
    {
        _writer = writer;
        Previous = previous;
    }

    /// <summary>The last entry of each key from earlier runs against the same target.</summary>
    public IReadOnlyDictionary<EnrollmentKey, JournalEntry> Previous { get; }

    /// <summary>Opens the journal at <paramref name="path"/>, or starts one.</summary>
    /// <param name="path">The journal file.</param>
    /// <param name="target">Where this run sends.</param>
    /// <param name="startAfresh">Set an existing journal aside (renamed to <c>*.old</c>) and start a new one.</param>
    /// <exception cref="JournalMismatchException">The journal belongs to another target or is not a journal.</exception>
    public static EnrollmentJournal Open(string path, EnrollmentTarget target, bool startAfresh)
    {
        if (startAfresh && File.Exists(path))
            File.Move(path, string.Create(CultureInfo.InvariantCulture, $"{path}.{DateTime.UtcNow:yyyyMMdd'T'HHmmssfff'Z'}.old"));
        // null: no header yet (no file, or only blank lines: created, then killed before its first line), so the file starts afresh.
        var previous = File.Exists(path) ? Read(path, target) : null;
        var cutShort = previous is not null && EndsWithoutNewline(path);
        var writer = new StreamWriter(new FileStream(path, previous is null ? FileMode.Create : FileMode.Append, FileAccess.Write, FileShare.Read));
        var journal = new EnrollmentJournal(writer, previous ?? new Dictionary<EnrollmentKey, JournalEntry>());
        if (previous is null) journal.WriteLine(new JournalHeader(Kind, Version, target.Api.AbsoluteUri, target.EnvironmentId, target.Selection));
        else if (cutShort)
        {
            writer.WriteLine(); // a kill cut the last line short: the next entry starts on a line of its own
            writer.Flush();
        }
        return journal;
    }

    public void Append(PlannedRow row, string status, string? deviceId = null) =>
        WriteLine(new JournalEntry(row.Key.UserId, row.Key.Phone, row.Key.Extension, status, deviceId, row.Row.Line, row.Row.Identifier));

    public void Dispose() => _writer.Dispose();

    private void WriteLine(object entry)
    {
        var line = JsonConvert.SerializeObject(entry);
        lock (_gate)
        {
            _writer.WriteLine(line);
            _writer.Flush();
        }
    }

    private static bool EndsWithoutNewline(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (stream.Length == 0) return false;
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() != '\n';
    }

    private static Dictionary<EnrollmentKey, JournalEntry>? Read(string path, EnrollmentTarget target)
    {
        var previous = new Dictionary<EnrollmentKey, JournalEntry>();
        using var lines = File.ReadLines(path).GetEnumerator();
        do
        {
            if (!lines.MoveNext()) return null; // created, then killed before its first line
        }
        while (string.IsNullOrWhiteSpace(lines.Current));
        var first = lines.Current;
        var header = TryParse<JournalHeader>(first);
        // Killed while the header was being written: nothing was sent yet (the header precedes every request).
        if (header is null && IsCutHeader(first) && !lines.MoveNext()) return null;
        if (header is not { Journal: Kind, Version: Version } || !Uri.TryCreate(header.Api, UriKind.Absolute, out var api) || header.EnvironmentId is null)
            throw new JournalMismatchException($"{path} is not a journal of this version of pingone-voice enroll. " + Choices);
        var written = new EnrollmentTarget(api, header.EnvironmentId, header.Selection);
        if (!written.SameAs(target))
            throw new JournalMismatchException($"{path} was written against {written}; this run targets {target}. A journal only resumes runs against its own target. " + Choices);
        while (lines.MoveNext())
        {
            // A kill can cut the last line short; what it described is checked again.
            if (TryParse<JournalEntry>(lines.Current) is { User: not null, Phone: not null, Status: not null } entry)
                previous[new EnrollmentKey(entry.User, entry.Phone, entry.Extension ?? string.Empty)] = entry;
        }
        return previous;
    }

    private static bool IsCutHeader(string line)
    {
        var start = JsonConvert.SerializeObject(new JournalHeader(Kind, Version, null, null));
        start = start.Substring(0, start.IndexOf(",", StringComparison.Ordinal));
        return line.Length < start.Length ? start.StartsWith(line, StringComparison.Ordinal) : line.StartsWith(start, StringComparison.Ordinal);
    }

    private const string Choices = "Pass --journal with another file, or --new-journal to set this one aside (renamed to *.old) and start afresh.";

    private static T? TryParse<T>(string line) where T : class
    {
        try { return JsonConvert.DeserializeObject<T>(line); }
        catch (JsonException) { return null; }
    }

    private sealed record JournalHeader(
        [property: JsonProperty("journal")] string? Journal,
        [property: JsonProperty("version")] int Version,
        [property: JsonProperty("api")] string? Api,
        [property: JsonProperty("environmentId")] string? EnvironmentId,
        [property: JsonProperty("selection", NullValueHandling = NullValueHandling.Ignore)] string? Selection = null);
}

/// <summary>
/// One step of one key: <c>started</c> before a create is sent, then how it ended. <c>identifier</c> is the username or
/// email the row gave (not part of the key: the resolved user id is, so a rerun finds it whatever column named the user).
/// </summary>
internal sealed record JournalEntry(
    [property: JsonProperty("user")] string User,
    [property: JsonProperty("phone")] string Phone,
    [property: JsonProperty("extension")] string? Extension,
    [property: JsonProperty("status")] string Status,
    [property: JsonProperty("deviceId", NullValueHandling = NullValueHandling.Ignore)] string? DeviceId,
    [property: JsonProperty("line")] int Line,
    [property: JsonProperty("identifier", NullValueHandling = NullValueHandling.Ignore)] string? Identifier = null);

/// <summary>The journal named cannot resume this run (another target, or not a journal); nothing was sent.</summary>
internal sealed class JournalMismatchException : ArgumentException
{
    public JournalMismatchException(string message) : base(message)
    {
    }
}
