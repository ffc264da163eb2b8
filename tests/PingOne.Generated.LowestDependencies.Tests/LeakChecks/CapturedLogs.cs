using System.Collections;
using System.Text;
using Microsoft.Extensions.Logging;

namespace PingOne.Generated.LeakChecks;

/// <summary>
/// A logger provider that keeps everything a sink could write: each entry's formatted message, every
/// structured state value (what a structured sink such as Serilog or OpenTelemetry stores, which need not
/// match the message), the exception, and the state of every scope begun (the factory's LogicalHandler
/// opens one per request). It does not take the factory's external scope provider
/// (<c>ISupportExternalScope</c>), so the logger factory hands it every <c>BeginScope</c> itself.
/// </summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly List<Entry> _entries = new();

    // The scopes open where a line is logged, innermost first (scopes flow with the async call, as in LoggerFactory's own provider).
    private readonly AsyncLocal<OpenScope?> _open = new();

    /// <summary>What was captured so far, in order.</summary>
    public IReadOnlyList<Entry> Entries
    {
        get { lock (_entries) return _entries.ToList(); }
    }

    /// <summary>Every captured entry, one after the other, as one text to search.</summary>
    public string AllText => string.Join("\n", Entries.Select(entry => entry.Text));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(Entry entry)
    {
        lock (_entries) _entries.Add(entry);
    }

    /// <summary>One log call or one scope.</summary>
    /// <param name="Kind"><c>log</c> or <c>scope</c>.</param>
    /// <param name="Category">The logger's category.</param>
    /// <param name="Level">The level (a scope has none: <see cref="LogLevel.None"/>).</param>
    /// <param name="Message">The formatted message (a scope: its state's <c>ToString()</c>).</param>
    /// <param name="Values">Every structured value of the state, as <c>key=value</c>.</param>
    /// <param name="Exception">The exception's <c>ToString()</c>, if any.</param>
    /// <param name="Scopes">The messages of the scopes open when it was logged (or begun), innermost first.</param>
    internal sealed record Entry(string Kind, string Category, LogLevel Level, string Message, IReadOnlyList<string> Values, string? Exception, IReadOnlyList<string> Scopes)
    {
        public string Text => $"[{Kind} {Level} {Category}] {Message} | {string.Join(" | ", Values)}{(Exception is null ? "" : " | " + Exception)}";
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable BeginScope<TState>(TState state) where TState : notnull
        {
            var message = state.ToString() ?? string.Empty;
            logs.Add(new Entry("scope", category, LogLevel.None, message, ValuesOf(state), null, OpenScopes()));
            var scope = new OpenScope(logs, logs._open.Value, message);
            logs._open.Value = scope;
            return scope;
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            logs.Add(new Entry("log", category, logLevel, formatter(state, exception), ValuesOf(state), exception?.ToString(), OpenScopes()));
        }

        private List<string> OpenScopes()
        {
            var open = new List<string>();
            for (var scope = logs._open.Value; scope is not null; scope = scope.Parent) open.Add(scope.Message);
            return open;
        }

        private static List<string> ValuesOf(object? state)
        {
            var values = new List<string>();
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var pair in pairs) values.Add(pair.Key + "=" + Render(pair.Value));
            }
            return values;
        }

        // Header values come as IEnumerable<string>: render every element, as a structured sink would.
        private static string Render(object? value)
        {
            switch (value)
            {
                case null:
                    return string.Empty;
                case string text:
                    return text;
                case IEnumerable sequence:
                    var rendered = new StringBuilder("[");
                    foreach (var item in sequence) rendered.Append(Render(item)).Append(", ");
                    return rendered.Append(']').ToString();
                default:
                    return value.ToString() ?? string.Empty;
            }
        }
    }

    private sealed class OpenScope(CapturedLogs logs, OpenScope? parent, string message) : IDisposable
    {
        public OpenScope? Parent { get; } = parent;

        public string Message { get; } = message;

        public void Dispose() => logs._open.Value = Parent;
    }
}
