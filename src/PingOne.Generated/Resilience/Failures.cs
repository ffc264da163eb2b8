using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;

namespace PingOne.Generated
{
    /// <summary>
    /// Turns whatever a send threw into the one exception callers see, and sorts failures by what PingOne
    /// may have done with the request: the only question a retry decision needs.
    /// </summary>
    internal static class Failures
    {
        /// <summary>
        /// The <see cref="PingOneException"/> for a failed send, or <see langword="null"/> for what must reach the
        /// caller as it is: a caller mistake, a refused configuration, the caller's own cancellation. Every failure a
        /// retry decides on, a log line describes or a caller catches comes through here, so here the client's
        /// credentials are masked in it, whatever field a server echoed them in.
        /// </summary>
        public static PingOneException? Translate(Exception failure, CancellationToken cancellationToken, KnownSecrets secrets) =>
            Classify(failure, cancellationToken)?.RedactWith(secrets);

        private static PingOneException? Classify(Exception failure, CancellationToken cancellationToken) => failure switch
        {
            PingOneException pingOne => pingOne,
            OperationCanceledException when cancellationToken.IsCancellationRequested => null,
            OperationCanceledException timeout => PingOneException.NoAnswer(PingOneFailureKind.TimedOut, timeout), // HttpClient.Timeout
            HttpRequestException http => PingOneException.NoAnswer(IsConnectFailure(http) ? PingOneFailureKind.Unreachable : PingOneFailureKind.OutcomeUnknown, http),
            IOException io => PingOneException.NoAnswer(PingOneFailureKind.OutcomeUnknown, io),
            _ => null,
        };

        /// <summary>PingOne did not process the request: a <c>429</c>, a connection that never opened, or no token to send it with.</summary>
        public static bool NotProcessed(PingOneException failure) =>
            failure.Kind is PingOneFailureKind.RateLimited or PingOneFailureKind.Unreachable ||
            (failure.FromTokenEndpoint && failure.Kind != PingOneFailureKind.Refused);

        /// <summary>PingOne may have processed the request: a <c>5xx</c>, a timeout, a lost connection, an unreadable success.</summary>
        public static bool MayHaveBeenProcessed(PingOneException failure) =>
            !failure.FromTokenEndpoint &&
            failure.Kind is PingOneFailureKind.Unavailable or PingOneFailureKind.TimedOut or PingOneFailureKind.OutcomeUnknown or PingOneFailureKind.InvalidResponse;

        /// <summary>A short reason for a log line: the status and code, or the failure's kind.</summary>
        public static string Describe(PingOneException failure) => failure.Status > 0
            ? $"HTTP {failure.Status}{(failure.Error?.Code is { } code ? " " + code : string.Empty)}{(failure.ErrorId is { } id ? $" (error id {id})" : string.Empty)}"
            : failure.Kind.ToString();

        // The request never left: DNS failed or the connection was refused.
        private static bool IsConnectFailure(HttpRequestException failure)
        {
#if NET8_0_OR_GREATER
            if (failure.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError) return true;
#endif
            for (var inner = failure.InnerException; inner is not null; inner = inner.InnerException)
            {
                if (inner is SocketException socket)
                    return socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable
                        or SocketError.NetworkUnreachable or SocketError.TryAgain or SocketError.AddressNotAvailable;
            }
            return false;
        }
    }
}
