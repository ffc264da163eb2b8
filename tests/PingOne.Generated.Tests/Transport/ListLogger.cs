using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PingOne.Generated.Tests.Transport;

/// <summary>Keeps every log line (and each structured value) the client writes, and can wait for one.</summary>
internal sealed class ListLogger : ILoggerFactory, ILogger
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<(string Prefix, TaskCompletionSource Seen)> _waiters = new();

    public IReadOnlyList<string> Lines => _lines.ToList();

    /// <summary>Completes when a line starting with <paramref name="prefix"/> is logged.</summary>
    public Task WaitForAsync(string prefix)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Enqueue((prefix, seen));
        if (_lines.Any(line => line.StartsWith(prefix, StringComparison.Ordinal))) seen.TrySetResult();
        return seen.Task;
    }

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var line = $"{logLevel}: {formatter(state, exception)}{(exception is null ? string.Empty : " | " + exception)}";
        _lines.Enqueue(line);
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
            foreach (var value in values) _lines.Enqueue($"  {value.Key}={value.Value}");
        foreach (var (prefix, seen) in _waiters)
            if (line.StartsWith(prefix, StringComparison.Ordinal)) seen.TrySetResult();
    }

    public void Dispose()
    {
    }
}
