using System;
using Microsoft.Extensions.Logging;

namespace PingOne.Generated
{
    /// <summary>
    /// Every log line the client writes. They carry operation names, statuses, failure kinds, durations,
    /// attempts and PingOne error ids and codes: never a token, a secret, a body or a phone number.
    /// </summary>
    internal static class Log
    {
        private static readonly Action<ILogger, string, int, double, int, Exception?> Succeeded =
            LoggerMessage.Define<string, int, double, int>(LogLevel.Debug, new EventId(1, "PingOneCallSucceeded"),
                "PingOne {Operation} answered {Status} in {DurationMs:F1} ms ({Attempts} attempt(s))");

        private static readonly Action<ILogger, string, int, PingOneFailureKind, double, string?, string?, Exception?> Failed =
            LoggerMessage.Define<string, int, PingOneFailureKind, double, string?, string?>(LogLevel.Debug, new EventId(2, "PingOneCallFailed"),
                "PingOne {Operation} failed with {Status} ({Kind}) after {DurationMs:F1} ms, error code {ErrorCode}, error id {ErrorId}");

        private static readonly Action<ILogger, string, string, double, int, int, Exception?> Retrying =
            LoggerMessage.Define<string, string, double, int, int>(LogLevel.Warning, new EventId(4, "PingOneRetry"),
                "PingOne {Operation} will be retried after {Reason}: waiting {WaitMs:F0} ms before attempt {Attempt} of {MaxAttempts}");

        private static readonly Action<ILogger, string, Exception?> FoundExisting =
            LoggerMessage.Define<string>(LogLevel.Warning, new EventId(5, "PingOneSafeRetryFoundDevice"),
                "PingOne create-voice-device: a failed attempt had created device {DeviceId}; returning it instead of creating another");

        private static readonly Action<ILogger, int, bool, double, Exception?> LookedUp =
            LoggerMessage.Define<int, bool, double>(LogLevel.Debug, new EventId(6, "PingOneSafeRetryLookup"),
                "PingOne create-voice-device: an earlier attempt may have created the device; list-devices answered 200 with {DeviceCount} devices (the device found: {Found}) in {DurationMs:F1} ms");

        private static readonly Action<ILogger, string, string, string, Exception?> Drifted =
            LoggerMessage.Define<string, string, string>(LogLevel.Information, new EventId(7, "PingOneSchemaDrift"),
                "PingOne answered differently from the spec: property {Property} of {Model} is {DriftKind}. Update openapi/pingone-mfa-devices.yaml and regenerate the client (logged once per client)");

        public static void CallSucceeded(this ILogger logger, string operation, int status, TimeSpan duration, int attempts) =>
            Succeeded(logger, operation, status, duration.TotalMilliseconds, attempts, null);

        public static void CallFailed(this ILogger logger, string operation, PingOneException failure, TimeSpan duration) =>
            Failed(logger, operation, failure.Status, failure.Kind, duration.TotalMilliseconds, failure.Error?.Code, failure.ErrorId, null);

        public static void WillRetry(this ILogger logger, string operation, string reason, TimeSpan wait, int nextAttempt, int maxAttempts) =>
            Retrying(logger, operation, reason, wait.TotalMilliseconds, nextAttempt, maxAttempts, null);

        public static void LookedForCreatedDevice(this ILogger logger, int deviceCount, bool found, TimeSpan duration) =>
            LookedUp(logger, deviceCount, found, duration.TotalMilliseconds, null);

        public static void SchemaDrift(this ILogger logger, string kind, string model, string property) =>
            Drifted(logger, property, model, kind == PingOne.Generated.SchemaDrift.Undeclared ? "not declared" : "required but missing", null);

        public static void FoundCreatedDevice(this ILogger logger, string deviceId) => FoundExisting(logger, deviceId, null);
    }
}
