using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace PingOne.Generated
{
    /// <summary>
    /// What one public operation reports: its activity (<c>PingOne &lt;operation&gt;</c>) and its duration. Made only
    /// when someone listens (<see cref="Start"/> returns <see langword="null"/> otherwise), so a client nobody watches
    /// pays one listener check per call.
    /// </summary>
    internal sealed class OperationTelemetry
    {
        private readonly TimeProvider _time;
        private readonly long _started;
        // Whether the start was timed: the histogram may be switched on while the operation runs.
        private readonly bool _timed;
        private int _attempts;

        private OperationTelemetry(string operation, Activity? activity, TimeProvider time)
        {
            Operation = operation;
            Activity = activity;
            _time = time;
            _timed = ClientTelemetry.OperationDuration.Enabled;
            _started = _timed ? time.GetTimestamp() : 0;
        }

        public string Operation { get; }

        /// <summary>The operation's activity; <see langword="null"/> when no listener samples it.</summary>
        public Activity? Activity { get; }

        /// <summary>
        /// Starts the operation's activity (kind Internal: the HTTP spans under it are the Client spans), current from here
        /// on so HttpClient's request spans become its children. <see langword="null"/> when nobody listens.
        /// </summary>
        public static OperationTelemetry? Start(string operation, string environmentId, TimeProvider time)
        {
            var activity = ClientTelemetry.Source.HasListeners() ? ClientTelemetry.Source.StartActivity("PingOne " + operation, ActivityKind.Internal) : null;
            if (activity is null && !ClientTelemetry.OperationDuration.Enabled) return null;
            if (activity is { IsAllDataRequested: true })
            {
                activity.SetTag(ClientTelemetry.OperationTag, operation);
                activity.SetTag("pingone.environment.id", environmentId);
            }
            return new OperationTelemetry(operation, activity, time);
        }

        /// <summary>One call of the retry pipeline ended after <paramref name="attempts"/> attempts (a list adds one per page).</summary>
        public void AddAttempts(int attempts) => _attempts += attempts;

        /// <summary>Safe retry looked for the device an earlier attempt may have created.</summary>
        public void LookedForCreatedDevice(bool found, int devicesRead)
        {
            if (Activity is not { IsAllDataRequested: true } activity) return;
            activity.SetTag("pingone.safe_retry.looked_up", true);
            activity.SetTag("pingone.safe_retry.found", found);
            activity.SetTag("pingone.safe_retry.devices_read", devicesRead);
        }

        public void Succeeded()
        {
            if (Activity is { } activity)
            {
                activity.SetTag("pingone.attempts", _attempts);
                activity.Dispose();
            }
            if (_timed && ClientTelemetry.OperationDuration.Enabled)
                ClientTelemetry.OperationDuration.Record(_time.GetElapsedTime(_started).TotalSeconds,
                    new KeyValuePair<string, object?>(ClientTelemetry.OperationTag, Operation),
                    new KeyValuePair<string, object?>(ClientTelemetry.OutcomeTag, ClientTelemetry.Success));
        }

        /// <summary>The operation ended with <paramref name="failure"/>: a <see cref="PingOneException"/>, the caller's cancellation, or a refused setting.</summary>
        public void Failed(Exception failure, bool cancelled)
        {
            var errorType = ClientTelemetry.ErrorType(failure);
            var outcome = cancelled ? ClientTelemetry.Cancelled : ClientTelemetry.Failure;
            if (Activity is { } activity)
            {
                activity.SetTag("pingone.attempts", _attempts);
                activity.SetTag(ClientTelemetry.ErrorTypeTag, errorType);
                if (failure is PingOneException pingOne)
                {
                    if (pingOne.Status > 0) activity.SetTag(ClientTelemetry.StatusTag, pingOne.Status);
                    if (pingOne.FromTokenEndpoint) activity.SetTag("pingone.token_endpoint", true);
                    if (pingOne.DeviceMayHaveBeenCreated) activity.SetTag("pingone.device_may_have_been_created", true);
                }
                // The kind only: an exception's message may quote PingOne's answer.
                activity.SetStatus(ActivityStatusCode.Error, errorType);
                activity.Dispose();
            }
            if (_timed && ClientTelemetry.OperationDuration.Enabled)
                ClientTelemetry.OperationDuration.Record(_time.GetElapsedTime(_started).TotalSeconds,
                    new KeyValuePair<string, object?>(ClientTelemetry.OperationTag, Operation),
                    new KeyValuePair<string, object?>(ClientTelemetry.OutcomeTag, outcome),
                    new KeyValuePair<string, object?>(ClientTelemetry.ErrorTypeTag, errorType));
        }
    }
}
