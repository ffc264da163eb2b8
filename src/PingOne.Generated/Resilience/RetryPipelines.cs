using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace PingOne.Generated
{
    /// <summary>
    /// The client's one retry layer: a Polly pipeline per kind of operation, all on the client's clock.
    /// Every pipeline retries what PingOne did not process (<c>429</c>, a connection that never opened, a
    /// token that could not be had) after <c>Retry-After</c> or a jittered exponential backoff, capped by
    /// <see cref="PingOneRetryOptions.MaxDelay"/>. They differ only in what else may be sent again.
    /// </summary>
    internal sealed class RetryPipelines
    {
        public RetryPipelines(PingOneRetryOptions options, TimeProvider time, ILogger logger, KnownSecrets secrets)
        {
            // Reading, renaming and deleting end the same way however often they are sent. An unreadable success is not
            // sent again: PingOne answered, so sending the same request would most likely get the same unreadable answer.
            Func<PingOneException, bool> idempotent = failure => Failures.NotProcessed(failure) || (Failures.MayHaveBeenProcessed(failure) && failure.Kind != PingOneFailureKind.InvalidResponse);
            ReadDevice = Build<VoiceDevice>(options, time, logger, secrets, idempotent);
            Rename = Build<DeviceNickname>(options, time, logger, secrets, idempotent);
            // Reading the MFA settings, writing back the whole settings object (PUT) and resetting them (DELETE) end the same way
            // however often they are sent.
            Settings = Build<MfaSettings>(options, time, logger, secrets, idempotent);
            ReadDevices = Build<DeviceCollection>(options, time, logger, secrets, idempotent);
            ReadPolicy = Build<DeviceAuthenticationPolicy>(options, time, logger, secrets, idempotent);
            Delete = Build<bool>(options, time, logger, secrets, idempotent);
            // An activation uses its OTP once: only what PingOne never saw is sent again.
            Activate = Build<VoiceDevice>(options, time, logger, secrets, Failures.NotProcessed);
            // A create is re-sent after an unknown outcome only with SafeRetry, which looks for the device first.
            Create = Build<VoiceDevice>(options, time, logger, secrets, failure => Failures.NotProcessed(failure) || (options.SafeRetry && Failures.MayHaveBeenProcessed(failure)));
            // Setting and removing the order, blocking, unblocking and unlocking end in the same state however often they are sent.
            DeviceState = Build<bool>(options, time, logger, secrets, idempotent);
            // Reading users, one or a page, ends the same way however often it is sent; a new user is created once.
            ReadUser = Build<PingOneUser>(options, time, logger, secrets, idempotent);
            ReadUsers = Build<UserCollection>(options, time, logger, secrets, idempotent);
            CreateUser = Build<PingOneUser>(options, time, logger, secrets, Failures.NotProcessed);
            // Unblocking is one of them; it alone answers with the device (Ping's Unblock MFA User Device page).
            Unblock = Build<VoiceDevice>(options, time, logger, secrets, idempotent);
        }

        // Typed pipelines: Polly then needs no bridge between the call's result and object.
        public ResiliencePipeline<VoiceDevice> ReadDevice { get; }

        public ResiliencePipeline<DeviceCollection> ReadDevices { get; }

        public ResiliencePipeline<DeviceNickname> Rename { get; }

        public ResiliencePipeline<MfaSettings> Settings { get; }

        public ResiliencePipeline<DeviceAuthenticationPolicy> ReadPolicy { get; }

        public ResiliencePipeline<bool> Delete { get; }

        public ResiliencePipeline<VoiceDevice> Activate { get; }

        public ResiliencePipeline<VoiceDevice> Create { get; }

        public ResiliencePipeline<bool> DeviceState { get; }

        public ResiliencePipeline<PingOneUser> ReadUser { get; }

        public ResiliencePipeline<UserCollection> ReadUsers { get; }

        public ResiliencePipeline<PingOneUser> CreateUser { get; }
        public ResiliencePipeline<VoiceDevice> Unblock { get; }

        // How many attempts a finished call took: 1 plus the retries OnRetry counted (nothing is stored on the success path).
        public static int AttemptsOf(ResilienceContext context) => context.Properties.TryGetValue(Retries, out var retries) ? retries + 1 : 1;

        // Whether an earlier attempt of this call failed in a way PingOne may have processed: a create then looks before it sends again.
        public static bool MayHaveBeenProcessedBefore(ResilienceContext context) => context.Properties.TryGetValue(Processed, out _);

        // The operation's telemetry, when someone listens: retries become events on its activity, safe retry's look-up a tag.
        public static void SetTelemetry(ResilienceContext context, OperationTelemetry telemetry) => context.Properties.Set(Telemetry, telemetry);

        public static OperationTelemetry? TelemetryOf(ResilienceContext context) => context.Properties.TryGetValue(Telemetry, out var telemetry) ? telemetry : null;

        private static readonly ResiliencePropertyKey<OperationTelemetry> Telemetry = new("PingOne.Telemetry");
        private static readonly ResiliencePropertyKey<int> Retries = new("PingOne.Retries");
        private static readonly ResiliencePropertyKey<bool> Processed = new("PingOne.MayHaveBeenProcessed");

        private static ResiliencePipeline<T> Build<T>(PingOneRetryOptions options, TimeProvider time, ILogger logger, KnownSecrets secrets, Func<PingOneException, bool> shouldRetry)
        {
            var builder = new ResiliencePipelineBuilder<T> { TimeProvider = time };
            if (options.MaxAttempts <= 1) return builder.Build();
            return builder.AddRetry(new RetryStrategyOptions<T>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                // Attempts throw what the wire threw; the one translation to PingOneException decides.
                ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception is { } raw && Failures.Translate(raw, args.Context.CancellationToken, secrets) is { } failure && shouldRetry(failure)),
                // Retry-After, read against the client's clock (an HTTP date means "until then"), capped like the backoff.
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    args.Outcome.Exception is PingOneException failure && failure.ReadAgainst(time.GetUtcNow()).RetryAfter is { } wait
                        ? (wait > options.MaxDelay ? options.MaxDelay : wait)
                        : null),
                OnRetry = args =>
                {
                    args.Context.Properties.Set(Retries, args.AttemptNumber + 1);
                    if (args.Outcome.Exception is { } raw && Failures.Translate(raw, args.Context.CancellationToken, secrets) is { } failure)
                    {
                        if (Failures.MayHaveBeenProcessed(failure)) args.Context.Properties.Set(Processed, true);
                        var operation = args.Context.OperationKey ?? "call";
                        logger.WillRetry(operation, Failures.Describe(failure), args.RetryDelay, args.AttemptNumber + 2, options.MaxAttempts);
                        ClientTelemetry.Retrying(TelemetryOf(args.Context), operation, failure, args.RetryDelay, args.AttemptNumber + 2);
                    }
                    return default;
                },
            }).Build();
        }
    }
}
