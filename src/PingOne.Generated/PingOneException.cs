using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Newtonsoft.Json;

namespace PingOne.Generated
{
    /// <summary>
    /// PingOne answered with a status the operation does not succeed with, or with a body that could not
    /// be read. Carries the HTTP status, the parsed PingOne error and the response headers.
    /// </summary>
    /// <remarks>
    /// The message is built from PingOne's <c>code</c> and <c>message</c>, never from the raw body, and any
    /// phone number in it is masked.
    /// </remarks>
    public class PingOneException : Exception
    {
        private const string ApiSubject = "PingOne answered";
        private const string UnknownOutcomeNote = " The device may have been created: list the user's devices before creating it again, or enable PingOneRetryOptions.SafeRetry.";
        private static readonly string[] CorrelationHeaders = { "correlation-id", "X-Correlation-Id", "X-Ping-External-Transaction-ID", "X-Request-Id" };

        private string _message;

        /// <summary>Creates an exception for a PingOne error, e.g. to return from a mocked client in tests.</summary>
        /// <param name="status">The HTTP status code.</param>
        /// <param name="error">The PingOne error body, if any.</param>
        /// <param name="headers">The response headers, if any.</param>
        public PingOneException(int status, PingOneError? error, IReadOnlyDictionary<string, IEnumerable<string>>? headers = null)
            : this(ApiSubject, null, status, error, headers, null)
        {
        }

        // Called by the generated client (nswag.json: exceptionClass) for statuses without a typed body.
        internal PingOneException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
            : this(ApiSubject, message, statusCode, TryParseError(response), headers, innerException)
        {
        }

        private protected PingOneException(string? fallbackMessage, int status, PingOneError? error, IReadOnlyDictionary<string, IEnumerable<string>>? headers, Exception? innerException)
            : this(ApiSubject, fallbackMessage, status, error, headers, innerException)
        {
        }

        private PingOneException(string subject, string? fallbackMessage, int status, PingOneError? error, IReadOnlyDictionary<string, IEnumerable<string>>? headers, Exception? innerException)
            : base(null, innerException)
        {
            _message = BuildMessage(subject, fallbackMessage, status, error);
            Status = status;
            Error = error;
            Headers = CopyHeaders(headers);
            RetryAfter = RetryAfterHeader.Parse(FirstHeader(Headers, "Retry-After"), DateTimeOffset.UtcNow);
            CorrelationId = CorrelationHeaders.Select(name => FirstHeader(Headers, name)).FirstOrDefault(value => value is { Length: > 0 });
        }

        /// <summary>What PingOne said, built from its code and message (never the raw body), phone numbers masked.</summary>
        public override string Message => DeviceMayHaveBeenCreated ? _message + UnknownOutcomeNote : _message;

        /// <summary>The HTTP status code of the response.</summary>
        public int Status { get; }

        /// <summary>The PingOne error body, or <see langword="null"/> when the response had none that could be read.</summary>
        public PingOneError? Error { get; }

        /// <summary>PingOne's general fault code (<c>INVALID_DATA</c>, <c>REQUEST_LIMITED</c>, ...), if the body had one.</summary>
        public PingOneErrorCode? ErrorCode => Error?.Code is { Length: > 0 } code ? new PingOneErrorCode(code) : default(PingOneErrorCode?);

        /// <summary>The error's id, as written to PingOne's logs; quote it to Ping support.</summary>
        public string? ErrorId => Error?.Id;

        /// <summary>The error's details, e.g. one per invalid property; empty when there are none.</summary>
        public IReadOnlyList<PingOneErrorDetail> Details => Error?.Details?.ToList() ?? (IReadOnlyList<PingOneErrorDetail>)Array.Empty<PingOneErrorDetail>();

        /// <summary>The response headers (names compared without case).</summary>
        public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

        /// <summary>How long PingOne asked to wait before retrying (from <c>Retry-After</c>), if it said.</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>The request's correlation or transaction id from the response headers, if any.</summary>
        public string? CorrelationId { get; }

        /// <summary>
        /// Whether a create call failed in a way that leaves its outcome unknown (a <c>5xx</c>, a timeout, a
        /// connection dropped after sending): the device may exist. <see cref="Status"/> is 0 when no response came.
        /// </summary>
        public bool DeviceMayHaveBeenCreated { get; private set; }

        // A create call whose outcome is unknown: the same failure, saying so in the message.
        internal static PingOneException OutcomeUnknown(Exception failure)
        {
            var exception = failure is PingOneException known
                ? new PingOneException(ApiSubject, null, known.Status, known.Error, known.Headers, failure) { _message = known._message }
                : new PingOneException("No answer from PingOne", $"{failure.GetType().Name}: {failure.Message}", 0, null, null, failure);
            exception.DeviceMayHaveBeenCreated = true;
            return exception;
        }

        internal static PingOneException FromTokenEndpoint(int status, PingOneError? error, IReadOnlyDictionary<string, IEnumerable<string>> headers) =>
            new("PingOne's token endpoint answered", "no token was issued.", status, error, headers, null);

        private static string BuildMessage(string subject, string? fallbackMessage, int status, PingOneError? error)
        {
            if (status == 0) return SensitiveText.MaskPhoneNumbers($"{subject}: {fallbackMessage}");
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
            return SensitiveText.MaskPhoneNumbers(message.ToString());
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
