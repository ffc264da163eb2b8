using System;
using Microsoft.Extensions.Logging;

namespace PingOne.Generated
{
    /// <summary>
    /// Every log line the client writes. They carry operation names, statuses, durations, attempts and
    /// PingOne error ids and codes: never a token, a secret, a body or a phone number.
    /// </summary>
    internal static class Log
    {
        private static readonly Action<ILogger, string, int, double, int, Exception?> Succeeded =
            LoggerMessage.Define<string, int, double, int>(LogLevel.Debug, new EventId(1, "PingOneCallSucceeded"),
                "PingOne {Operation} answered {Status} in {DurationMs:F1} ms (attempt {Attempt})");

        private static readonly Action<ILogger, string, int, double, int, string?, string?, Exception?> Failed =
            LoggerMessage.Define<string, int, double, int, string?, string?>(LogLevel.Debug, new EventId(2, "PingOneCallFailed"),
                "PingOne {Operation} answered {Status} in {DurationMs:F1} ms (attempt {Attempt}), error code {ErrorCode}, error id {ErrorId}");

        private static readonly Action<ILogger, string, int, double, int, string, Exception?> NoAnswer =
            LoggerMessage.Define<string, int, double, int, string>(LogLevel.Debug, new EventId(3, "PingOneCallNoAnswer"),
                "PingOne {Operation} got no answer ({Status}) in {DurationMs:F1} ms (attempt {Attempt}): {FailureType}");

        private static readonly Action<ILogger, string, string, double, int, int, Exception?> Retrying =
            LoggerMessage.Define<string, string, double, int, int>(LogLevel.Warning, new EventId(4, "PingOneRetry"),
                "PingOne {Operation} will be retried after {Reason}: waiting {WaitMs:F0} ms before attempt {Attempt} of {MaxAttempts}");

        private static readonly Action<ILogger, string, Exception?> FoundExisting =
            LoggerMessage.Define<string>(LogLevel.Warning, new EventId(5, "PingOneSafeRetryFoundDevice"),
                "PingOne create-voice-device: a failed attempt had created device {DeviceId}; returning it instead of creating another");

        public static void CallSucceeded(this ILogger logger, string operation, int status, TimeSpan duration, int attempt) =>
            Succeeded(logger, operation, status, duration.TotalMilliseconds, attempt, null);

        public static void CallFailed(this ILogger logger, string operation, Exception failure, TimeSpan duration, int attempt)
        {
            if (failure is PingOneException pingOne)
                Failed(logger, operation, pingOne.Status, duration.TotalMilliseconds, attempt, pingOne.Error?.Code, pingOne.ErrorId, null);
            else
                NoAnswer(logger, operation, 0, duration.TotalMilliseconds, attempt, failure.GetType().Name, null);
        }

        public static void WillRetry(this ILogger logger, string operation, string reason, TimeSpan wait, int nextAttempt, int maxAttempts) =>
            Retrying(logger, operation, reason, wait.TotalMilliseconds, nextAttempt, maxAttempts, null);

        public static void FoundCreatedDevice(this ILogger logger, string deviceId) => FoundExisting(logger, deviceId, null);
    }
}
