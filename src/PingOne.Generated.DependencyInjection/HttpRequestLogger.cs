using System;
using System.Collections;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace PingOne.Generated
{
    /// <summary>
    /// The HTTP client factory's request logging for the PingOne client, written from header names only.
    /// </summary>
    /// <remarks>
    /// The factory's own loggers hide header values only in the formatted message (<c>RedactLoggedHeaders</c>, or
    /// the default from Microsoft.Extensions.Http 9 on): the state they hand every logger provider at Trace level
    /// still lists each header with its value, so a structured sink (Serilog, OpenTelemetry, ...) would store the
    /// bearer token and the Basic client credentials, on 8.x, 9.x and 10.x alike. These loggers write the
    /// factory's lines, in its categories (<c>System.Net.Http.HttpClient.{name}.LogicalHandler</c> and
    /// <c>.ClientHandler</c>) with its event ids, and the logical one opens its per-request scope; a header list
    /// carries each name with <c>*</c> in place of the value, in the message and in the state. As Microsoft.Extensions.Http 9
    /// does, the query string of the address is not logged.
    /// </remarks>
    internal sealed class HttpRequestLogger : IHttpClientLogger
    {
        private static readonly Lines LogicalLines = new(
            LoggerMessage.DefineScope<HttpMethod, string>("HTTP {HttpMethod} {Uri}"),
            LoggerMessage.Define<HttpMethod, string>(LogLevel.Information, new EventId(100, "RequestPipelineStart"), "Start processing HTTP request {HttpMethod} {Uri}"),
            LoggerMessage.Define<double, int>(LogLevel.Information, new EventId(101, "RequestPipelineEnd"), "End processing HTTP request after {ElapsedMilliseconds}ms - {StatusCode}"),
            new EventId(102, "RequestPipelineRequestHeader"),
            new EventId(103, "RequestPipelineResponseHeader"));

        private static readonly Lines ClientLines = new(
            null,
            LoggerMessage.Define<HttpMethod, string>(LogLevel.Information, new EventId(100, "RequestStart"), "Sending HTTP request {HttpMethod} {Uri}"),
            LoggerMessage.Define<double, int>(LogLevel.Information, new EventId(101, "RequestEnd"), "Received HTTP response headers after {ElapsedMilliseconds}ms - {StatusCode}"),
            new EventId(102, "RequestHeader"),
            new EventId(103, "ResponseHeader"));

        private readonly ILogger _logger;
        private readonly Lines _lines;

        private HttpRequestLogger(ILogger logger, Lines lines)
        {
            _logger = logger;
            _lines = lines;
        }

        /// <summary>The logger around the whole handler pipeline (<c>wrapHandlersPipeline: true</c>).</summary>
        public static IHttpClientLogger Logical(IServiceProvider services) => new HttpRequestLogger(LoggerFor(services, "LogicalHandler"), LogicalLines);

        /// <summary>The logger next to the network (<c>wrapHandlersPipeline: false</c>).</summary>
        public static IHttpClientLogger Client(IServiceProvider services) => new HttpRequestLogger(LoggerFor(services, "ClientHandler"), ClientLines);

        /// <inheritdoc />
        public object? LogRequestStart(HttpRequestMessage request)
        {
            var uri = UriOf(request.RequestUri);
            // Begun here and ended in LogRequestStop/LogRequestFailed: the factory calls both from the one async
            // method that sends the request, so the scope covers every handler inside this one.
            var scope = _lines.Scope?.Invoke(_logger, request.Method, uri);
            _lines.Start(_logger, request.Method, uri, null);
            if (_logger.IsEnabled(LogLevel.Trace))
                _logger.Log(LogLevel.Trace, _lines.RequestHeaders, new HeaderNames("Request Headers:", request.Headers, request.Content?.Headers), null, HeaderNames.Format);
            return scope;
        }

        /// <inheritdoc />
        public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
        {
            _lines.End(_logger, elapsed.TotalMilliseconds, (int)response.StatusCode, null);
            if (_logger.IsEnabled(LogLevel.Trace))
                _logger.Log(LogLevel.Trace, _lines.ResponseHeaders, new HeaderNames("Response Headers:", response.Headers, response.Content?.Headers), null, HeaderNames.Format);
            (context as IDisposable)?.Dispose();
        }

        /// <inheritdoc />
        public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
            // Like the factory's own loggers: no line, the exception reaches the caller (and the client's own log).
            (context as IDisposable)?.Dispose();

        private static ILogger LoggerFor(IServiceProvider services, string handler) =>
            services.GetRequiredService<ILoggerFactory>().CreateLogger($"System.Net.Http.HttpClient.{PingOneServiceCollectionExtensions.HttpClientName}.{handler}");

        private static string UriOf(Uri? uri)
        {
            if (uri is null) return string.Empty;
            var text = uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.OriginalString;
            var query = text.IndexOf('?');
            return query < 0 ? text : text.Substring(0, query) + "?*";
        }

        private sealed class Lines
        {
            public Lines(Func<ILogger, HttpMethod, string, IDisposable?>? scope, Action<ILogger, HttpMethod, string, Exception?> start, Action<ILogger, double, int, Exception?> end, EventId requestHeaders, EventId responseHeaders)
            {
                Scope = scope;
                Start = start;
                End = end;
                RequestHeaders = requestHeaders;
                ResponseHeaders = responseHeaders;
            }

            public Func<ILogger, HttpMethod, string, IDisposable?>? Scope { get; }

            public Action<ILogger, HttpMethod, string, Exception?> Start { get; }

            public Action<ILogger, double, int, Exception?> End { get; }

            public EventId RequestHeaders { get; }

            public EventId ResponseHeaders { get; }
        }

        // A header list as state: every name, each with "*" for its value; no value is ever read.
        private sealed class HeaderNames : IReadOnlyList<KeyValuePair<string, object?>>
        {
            public static readonly Func<HeaderNames, Exception?, string> Format = (state, _) => state.ToString();

            private readonly string _title;
            private readonly List<KeyValuePair<string, object?>> _names = new();

            public HeaderNames(string title, HttpHeaders headers, HttpHeaders? contentHeaders)
            {
                _title = title;
                foreach (var header in headers) _names.Add(new KeyValuePair<string, object?>(header.Key, "*"));
                if (contentHeaders is null) return;
                foreach (var header in contentHeaders) _names.Add(new KeyValuePair<string, object?>(header.Key, "*"));
            }

            public int Count => _names.Count;

            public KeyValuePair<string, object?> this[int index] => _names[index];

            public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _names.GetEnumerator();

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

            public override string ToString()
            {
                var text = new StringBuilder().AppendLine(_title);
                foreach (var name in _names) text.Append(name.Key).AppendLine(": *");
                return text.ToString();
            }
        }
    }
}
