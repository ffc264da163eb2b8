using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PingOne.Generated
{
    /// <summary>
    /// Every call that failed between the client and PingOne: refused, rate limited, unavailable,
    /// unreachable, timed out, or with an unknown outcome (<see cref="Kind"/>). Carries the HTTP status
    /// (0 when no answer came), the parsed PingOne error and the response headers.
    /// </summary>
    /// <remarks>
    /// The message is built from PingOne's <c>code</c> and <c>message</c>, never from the raw body, and any
    /// phone number in it is masked. Caller mistakes are <see cref="ArgumentException"/> (thrown before
    /// sending), settings that cannot be used are <see cref="PingOneConfigurationException"/>, and the
    /// caller's own cancellation stays <see cref="OperationCanceledException"/>.
    /// </remarks>
    public class PingOneException : Exception
    {
        private const string ApiSubject = "PingOne answered";
        private const string UnknownOutcomeNote = " The device may have been created: list the user's devices before creating it again, or run the same enrollment again (it looks before it creates).";
        private static readonly string[] CorrelationHeaders = { "correlation-id", "X-Correlation-Id", "X-Ping-External-Transaction-ID", "X-Request-Id" };

        private readonly object _gate = new();
        // The message before phone numbers are masked, kept so that credentials are masked first: a phone mask applied
        // first would star a token's run of digits and leave the rest of it for no credential mask to find.
        private readonly string _unmasked;
        private string _message;
        // The client's credentials, once this exception has been masked against them (Failures.Translate): ToString() masks with them too.
        private KnownSecrets? _secrets;

        /// <summary>Creates an exception for a PingOne error answer, e.g. to return from a mocked client in tests.</summary>
        /// <param name="status">The HTTP status code; it decides <see cref="Kind"/>.</param>
        /// <param name="error">The PingOne error body, if any.</param>
        /// <param name="headers">The response headers, if any.</param>
        public PingOneException(int status, PingOneError? error, IReadOnlyDictionary<string, IEnumerable<string>>? headers = null)
            : this(KindOf(status), BuildMessage(ApiSubject, null, status, error), status, error, headers, null)
        {
        }

        // Called by the generated client (nswag.json: exceptionClass) for statuses without a typed body.
        internal PingOneException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
            : this(statusCode, message, TryParseError(response), headers, innerException)
        {
        }

        private protected PingOneException(int status, string? fallbackMessage, PingOneError? error, IReadOnlyDictionary<string, IEnumerable<string>>? headers, Exception? innerException)
            : this(KindOf(status), BuildMessage(ApiSubject, fallbackMessage, status, error), status, error, headers, innerException)
        {
        }

        private PingOneException(PingOneFailureKind kind, string message, int status, PingOneError? error, IReadOnlyDictionary<string, IEnumerable<string>>? headers, Exception? innerException)
            : base(null, innerException)
        {
            _unmasked = message;
            _message = SensitiveText.MaskPhoneNumbers(message);
            Kind = kind;
            Status = status;
            Error = error;
            Headers = CopyHeaders(headers);
            RetryAfter = RetryAfterHeader.Parse(FirstHeader(Headers, "Retry-After"), DateTimeOffset.UtcNow);
            CorrelationId = CorrelationIdOf(Headers);
        }

        /// <summary>
        /// What went wrong, built from PingOne's code and message (never the raw body), phone numbers masked, and the
        /// client's credentials (client secret, Basic credentials, access tokens) masked wherever a server echoed them.
        /// </summary>
        public override string Message => DeviceMayHaveBeenCreated ? _message + UnknownOutcomeNote : _message;

        /// <summary>What kind of failure this is; decides whether trying again later can help.</summary>
        public PingOneFailureKind Kind { get; }

        /// <summary>The HTTP status code of the answer, or 0 when no answer came.</summary>
        public int Status { get; }

        /// <summary>The PingOne error body, or <see langword="null"/> when the response had none that could be read.</summary>
        public PingOneError? Error { get; private set; }

        /// <summary>PingOne's general fault code (<c>INVALID_DATA</c>, <c>REQUEST_LIMITED</c>, ...), if the body had one.</summary>
        public PingOneErrorCode? ErrorCode => Error?.Code is { Length: > 0 } code ? new PingOneErrorCode(code) : default(PingOneErrorCode?);

        /// <summary>The error's id, as written to PingOne's logs; quote it to Ping support.</summary>
        public string? ErrorId => Error?.Id;

        /// <summary>The error's details, e.g. one per invalid property; empty when there are none.</summary>
        public IReadOnlyList<PingOneErrorDetail> Details => Error?.Details?.ToList() ?? (IReadOnlyList<PingOneErrorDetail>)Array.Empty<PingOneErrorDetail>();

        /// <summary>The response headers (names compared without case).</summary>
        public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; private set; }

        /// <summary>
        /// How long PingOne asked to wait before retrying (from <c>Retry-After</c>), if it said. An HTTP date is
        /// read against the client's <c>TimeProvider</c> (the system clock for an exception built in a test).
        /// </summary>
        public TimeSpan? RetryAfter { get; private set; }

        /// <summary>The request's correlation or transaction id from the response headers, if any.</summary>
        public string? CorrelationId { get; private set; }

        /// <summary>
        /// Whether a create call failed in a way that leaves its outcome unknown (a <c>5xx</c>, a timeout, a
        /// connection lost after sending, an unreadable success): the device may exist. Never set when the
        /// request did not reach PingOne (a token failure, a refused connection).
        /// </summary>
        public bool DeviceMayHaveBeenCreated { get; private set; }

        // Whether the failure came from the token endpoint: the API request itself was never sent.
        internal bool FromTokenEndpoint { get; private set; }

        // No answer from PingOne: the network, a timeout, a lost connection.
        internal static PingOneException NoAnswer(PingOneFailureKind kind, Exception failure, bool fromTokenEndpoint = false)
        {
            var subject = fromTokenEndpoint ? "PingOne's token endpoint" : "PingOne";
            var what = kind switch
            {
                PingOneFailureKind.Unreachable => "could not be reached",
                PingOneFailureKind.TimedOut => "did not answer in time",
                _ => "did not answer: the connection was lost after the request was sent",
            };
            // The network's own words name the host and port ("Connection refused (127.0.0.1:9)"); the exception's type
            // is InnerException's business, not the reader's. The constructor masks phone numbers (after credentials, in RedactWith).
            var message = $"{subject} {what}: {failure.Message.TrimEnd('.')}.";
            return new PingOneException(kind, message, 0, null, null, failure) { FromTokenEndpoint = fromTokenEndpoint };
        }

        // PingOne answered with success, but what it answered cannot be used (e.g. a next link elsewhere).
        internal static PingOneException InvalidAnswer(string message) =>
            new(PingOneFailureKind.InvalidResponse, message, 200, null, null, null);

        internal static PingOneException FromTokenEndpointAnswer(int status, PingOneError? error, IReadOnlyDictionary<string, IEnumerable<string>> headers) =>
            new(KindOf(status), BuildMessage("PingOne's token endpoint answered", "no token was issued.", status, error), status, error, headers, null) { FromTokenEndpoint = true };

        /// <summary>The exception as text (type, message, inner exceptions, stack trace), the client's credentials masked.</summary>
        /// <returns>What <see cref="Exception.ToString"/> returns, with every credential the client knows replaced by <c>***</c>.</returns>
        public override string ToString()
        {
            var text = base.ToString();
            return _secrets is { } secrets ? secrets.Redact(text) : text;
        }

        // Masks the client's credentials in everything this exception shows: the message, the error (every field, at
        // every depth, unknown ones included), the headers and ToString(). Once per client; further calls do nothing.
        internal PingOneException RedactWith(KnownSecrets secrets)
        {
            lock (_gate)
            {
                if (ReferenceEquals(_secrets, secrets)) return this;
                _message = SensitiveText.MaskPhoneNumbers(secrets.Redact(_unmasked));
                Error = Redacted(Error, secrets);
                Headers = Redacted(Headers, secrets);
                CorrelationId = CorrelationIdOf(Headers);
                _secrets = secrets;
                return this;
            }
        }

        // Re-reads Retry-After against the client's clock: an HTTP date means "wait until then" on that clock.
        internal PingOneException ReadAgainst(DateTimeOffset now)
        {
            RetryAfter = RetryAfterHeader.Parse(FirstHeader(Headers, "Retry-After"), now);
            return this;
        }

        // A create whose request may have reached PingOne: the message then says the device may exist.
        internal void MarkDeviceMayHaveBeenCreated()
        {
            if (!FromTokenEndpoint) DeviceMayHaveBeenCreated = true;
        }

        internal static PingOneFailureKind KindOf(int status) => status switch
        {
            429 => PingOneFailureKind.RateLimited,
            408 => PingOneFailureKind.TimedOut,
            >= 500 => PingOneFailureKind.Unavailable,
            >= 200 and < 300 => PingOneFailureKind.InvalidResponse,
            _ => PingOneFailureKind.Refused,
        };

        private static string BuildMessage(string subject, string? fallbackMessage, int status, PingOneError? error)
        {
            var message = new StringBuilder(subject).Append(" HTTP ").Append(status);
            if (error?.Code is { Length: > 0 } code) message.Append(' ').Append(code);
            if (error?.Message is { Length: > 0 } text) message.Append(": ").Append(text.TrimEnd('.')).Append('.');
            else if (fallbackMessage is { Length: > 0 }) message.Append(": ").Append(fallbackMessage);
            else message.Append('.');
            foreach (var detail in error?.Details ?? Enumerable.Empty<PingOneErrorDetail>())
            {
                if (detail is null) continue;
                message.Append(' ');
                if (detail.Target is { Length: > 0 } target) message.Append('[').Append(target).Append("] ");
                if (detail.Code is { Length: > 0 } detailCode) message.Append(detailCode).Append(": ");
                message.Append(detail.Message?.TrimEnd('.') ?? string.Empty).Append('.');
            }
            if (error?.Id is { Length: > 0 } id) message.Append(" (error id ").Append(id).Append(')');
            return message.ToString();
        }

        private static PingOneError? TryParseError(string? body)
        {
            if (string.IsNullOrWhiteSpace(body)) return null;
            try
            {
                var error = JsonConvert.DeserializeObject<PingOneError>(body!);
                return error?.Code is null && error?.Message is null ? null : error;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        // Through JSON, so that every field is masked, including those a later spec adds and unknown ones (AdditionalProperties).
        private static PingOneError? Redacted(PingOneError? error, KnownSecrets secrets)
        {
            if (error is null) return null;
            var json = JObject.FromObject(error);
            return secrets.Redact(json) ? json.ToObject<PingOneError>() : error;
        }

        private static IReadOnlyDictionary<string, IEnumerable<string>> Redacted(IReadOnlyDictionary<string, IEnumerable<string>> headers, KnownSecrets secrets)
        {
            var copy = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in headers)
            {
                var name = secrets.Redact(header.Key);
                var values = header.Value.Select(secrets.Redact);
                copy[name] = copy.TryGetValue(name, out var earlier) ? earlier.Concat(values).ToArray() : values.ToArray();
            }
            return copy;
        }

        private static string? CorrelationIdOf(IReadOnlyDictionary<string, IEnumerable<string>> headers) =>
            CorrelationHeaders.Select(name => FirstHeader(headers, name)).FirstOrDefault(value => value is { Length: > 0 });

        private static IReadOnlyDictionary<string, IEnumerable<string>> CopyHeaders(IReadOnlyDictionary<string, IEnumerable<string>>? headers)
        {
            var copy = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
            if (headers is null) return copy;
            foreach (var header in headers) copy[header.Key] = header.Value.ToArray();
            return copy;
        }

        private static string? FirstHeader(IReadOnlyDictionary<string, IEnumerable<string>> headers, string name) =>
            headers.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;
    }
}
