using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace PingOne.Generated
{
    /// <summary>Which failures are retried, and how long to wait before the next attempt.</summary>
    internal sealed class RetryPolicy
    {
        /// <summary>How far PingOne's clock may be behind ours when matching a device's <c>createdAt</c>.</summary>
        public static readonly TimeSpan ClockSkewMargin = TimeSpan.FromMinutes(5);

        private static readonly Random Jitter = new();
        private readonly TimeProvider _time;

        public RetryPolicy(PingOneRetryOptions options, TimeProvider time)
        {
            if (options.MaxAttempts < 1) throw new ArgumentException("PingOne:Retry:MaxAttempts must be at least 1.", nameof(options));
            Options = options;
            _time = time;
        }

        public PingOneRetryOptions Options { get; }

        /// <summary>The caller cancelled: never retried, never wrapped.</summary>
        public static bool IsCancellationBy(Exception failure, CancellationToken cancellationToken) =>
            failure is OperationCanceledException && cancellationToken.IsCancellationRequested;

        /// <summary>PingOne did not process the request: a <c>429</c>, or a connection that never opened.</summary>
        public static bool IsRejectedBeforeProcessing(Exception failure) =>
            failure is PingOneException { Status: 429 } || (failure is HttpRequestException http && IsConnectFailure(http));

        /// <summary>
        /// The request may have been processed: a <c>5xx</c> or <c>408</c>, a success whose body could not be read,
        /// a timeout, or a connection lost after sending.
        /// </summary>
        public static bool IsOutcomeUnknown(Exception failure) => failure switch
        {
            PingOneException { Status: >= 500 or 408 or (>= 200 and < 300) } => true,
            HttpRequestException http => !IsConnectFailure(http),
            OperationCanceledException or IOException => true, // HttpClient.Timeout; the caller's own cancellation is filtered out first
            _ => false,
        };

        public static string Describe(Exception failure) => failure is PingOneException pingOne
            ? $"HTTP {pingOne.Status}{(pingOne.Error?.Code is { } code ? " " + code : string.Empty)}"
            : failure.GetType().Name;

        /// <summary><c>Retry-After</c> when PingOne gave one, otherwise exponential backoff with jitter; never more than <see cref="PingOneRetryOptions.MaxDelay"/>.</summary>
        public TimeSpan DelayAfter(Exception failure, int attempt)
        {
            // Re-read the header against this policy's clock: an HTTP date means "wait until then" on that clock.
            if (failure is PingOneException pingOne && pingOne.Headers.TryGetValue("Retry-After", out var values) &&
                RetryAfterHeader.Parse(System.Linq.Enumerable.FirstOrDefault(values), _time.GetUtcNow()) is { } retryAfter)
                return Cap(retryAfter);
            var exponential = Options.BaseDelay.Ticks * Math.Pow(2, Math.Min(attempt - 1, 30));
            double factor;
            lock (Jitter) factor = 0.5 + Jitter.NextDouble() / 2; // "equal jitter": half fixed, half random
            return Cap(TimeSpan.FromTicks((long)Math.Min(exponential * factor, TimeSpan.MaxValue.Ticks / 2)));
        }

        public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
        {
            if (delay <= TimeSpan.Zero) return Task.CompletedTask;
#if NET8_0_OR_GREATER
            return Task.Delay(delay, _time, cancellationToken);
#else
            return _time.Delay(delay, cancellationToken);
#endif
        }

        private TimeSpan Cap(TimeSpan delay) => delay > Options.MaxDelay ? Options.MaxDelay : delay < TimeSpan.Zero ? TimeSpan.Zero : delay;

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
