using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace PingOne.Generated
{
    /// <summary>
    /// The client's one <see cref="ActivitySource"/> and <see cref="Meter"/> and every instrument on it. Static, as the
    /// .NET libraries do it (HttpClient, the Azure SDK): listeners pick them up by name. Nothing here holds a phone number,
    /// a token, a secret, a user's or a device's id: tags are operation names, failure kinds, statuses, model and property
    /// names (docs/observability.md says why).
    /// </summary>
    internal static class ClientTelemetry
    {
        private static readonly string? Version = typeof(ClientTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

        public static readonly ActivitySource Source = new(PingOneDiagnostics.ActivitySourceName, Version);

        public static readonly Meter Meter = new(PingOneDiagnostics.MeterName, Version);

        public static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
            "pingone.client.operation.duration", "s", "How long a public operation of the client took, its retries and waits included.");

        public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
            "pingone.client.retries", "{retry}", "Attempts sent again after a failure, by operation and reason.");

        public static readonly Counter<long> RateLimited = Meter.CreateCounter<long>(
            "pingone.client.rate_limited", "{response}", "429 answers, by operation.");

        public static readonly Histogram<double> RetryAfterWait = Meter.CreateHistogram<double>(
            "pingone.client.retry_after.duration", "s", "Each wait a Retry-After header asked for (capped at MaxDelay), by operation.");

        public static readonly Counter<long> TokenRequests = Meter.CreateCounter<long>(
            "pingone.client.token.requests", "{request}", "Client-credentials token requests to the token endpoint, by outcome.");

        public static readonly Counter<long> DevicesCreated = Meter.CreateCounter<long>(
            "pingone.client.devices.created", "{device}", "Voice devices created (a device found by safe retry counts once).");

        public static readonly Counter<long> SchemaDrift = Meter.CreateCounter<long>(
            "pingone.client.schema_drift", "{property}", "Properties an answer carried that the spec does not declare, or lacked though the spec requires them.");

        // Tag names: OpenTelemetry's where one exists, ours under pingone.*.
        public const string OperationTag = "pingone.operation";
        public const string OutcomeTag = "pingone.outcome";
        public const string ErrorTypeTag = "error.type";
        public const string StatusTag = "http.response.status_code";

        public const string Success = "success";
        public const string Failure = "failure";
        public const string Cancelled = "cancelled";

        // error.type: the failure kind of a PingOneException (PingOneException.Kind), else the exception's type (OpenTelemetry's rule).
        public static string ErrorType(Exception failure) => failure is PingOneException pingOne ? KindName(pingOne.Kind) : failure.GetType().FullName ?? "_OTHER";

        // Enum names without Enum.ToString's reflection and allocation.
        public static string KindName(PingOneFailureKind kind) => kind switch
        {
            PingOneFailureKind.Refused => nameof(PingOneFailureKind.Refused),
            PingOneFailureKind.RateLimited => nameof(PingOneFailureKind.RateLimited),
            PingOneFailureKind.Unavailable => nameof(PingOneFailureKind.Unavailable),
            PingOneFailureKind.Unreachable => nameof(PingOneFailureKind.Unreachable),
            PingOneFailureKind.TimedOut => nameof(PingOneFailureKind.TimedOut),
            PingOneFailureKind.OutcomeUnknown => nameof(PingOneFailureKind.OutcomeUnknown),
            PingOneFailureKind.InvalidResponse => nameof(PingOneFailureKind.InvalidResponse),
            _ => "_OTHER",
        };

        /// <summary>A retry about to happen: the counters, and an event on the operation's activity.</summary>
        public static void Retrying(OperationTelemetry? operation, string operationName, PingOneException failure, TimeSpan delay, int nextAttempt)
        {
            var reason = KindName(failure.Kind);
            if (Retries.Enabled) Retries.Add(1, new KeyValuePair<string, object?>(OperationTag, operationName), new KeyValuePair<string, object?>("pingone.retry.reason", reason));
            if (failure.Status == 429) CountRateLimited(operationName);
            var retryAfter = failure.RetryAfter is not null;
            if (retryAfter && RetryAfterWait.Enabled) RetryAfterWait.Record(delay.TotalSeconds, new KeyValuePair<string, object?>(OperationTag, operationName));
            if (operation?.Activity is not { } activity) return;
            var tags = new ActivityTagsCollection
            {
                { "pingone.retry.reason", reason },
                { "pingone.retry.delay", delay.TotalSeconds },
                { "pingone.retry.attempt", nextAttempt },
                { "pingone.retry.retry_after", retryAfter },
            };
            if (failure.Status > 0) tags.Add(StatusTag, failure.Status);
            activity.AddEvent(new ActivityEvent("pingone.retry", tags: tags));
        }

        public static void CountRateLimited(string operationName)
        {
            if (RateLimited.Enabled) RateLimited.Add(1, new KeyValuePair<string, object?>(OperationTag, operationName));
        }

        public static void CountDeviceCreated()
        {
            if (DevicesCreated.Enabled) DevicesCreated.Add(1);
        }

        /// <summary>A token request ended: <paramref name="failure"/> is <see langword="null"/> when a token came back.</summary>
        public static void TokenRequested(Exception? failure)
        {
            if (!TokenRequests.Enabled) return;
            if (failure is null) TokenRequests.Add(1, new KeyValuePair<string, object?>(OutcomeTag, Success));
            else TokenRequests.Add(1, new KeyValuePair<string, object?>(OutcomeTag, Failure), new KeyValuePair<string, object?>(ErrorTypeTag, ErrorType(failure)));
        }
    }
}
