using System;
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
        public RetryPipelines(PingOneRetryOptions options, TimeProvider time, ILogger logger)
        {
            // Reading, renaming and deleting end the same way however often they are sent.
            Idempotent = Build(options, time, logger, failure => Failures.NotProcessed(failure) || Failures.MayHaveBeenProcessed(failure));
            // An activation uses its OTP once: only what PingOne never saw is sent again.
            NotProcessedOnly = Build(options, time, logger, Failures.NotProcessed);
            // A create is re-sent after an unknown outcome only with SafeRetry, which looks for the device first.
            Create = Build(options, time, logger, failure => Failures.NotProcessed(failure) || (options.SafeRetry && Failures.MayHaveBeenProcessed(failure)));
        }

        public ResiliencePipeline Idempotent { get; }

        public ResiliencePipeline NotProcessedOnly { get; }

        public ResiliencePipeline Create { get; }

        private static ResiliencePipeline Build(PingOneRetryOptions options, TimeProvider time, ILogger logger, Func<PingOneException, bool> shouldRetry)
        {
            var builder = new ResiliencePipelineBuilder { TimeProvider = time };
            if (options.MaxAttempts <= 1) return builder.Build();
            return builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception is PingOneException failure && shouldRetry(failure)),
                // Retry-After, read against the client's clock (an HTTP date means "until then"), capped like the backoff.
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    args.Outcome.Exception is PingOneException failure && failure.ReadAgainst(time.GetUtcNow()).RetryAfter is { } wait
                        ? (wait > options.MaxDelay ? options.MaxDelay : wait)
                        : null),
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is PingOneException failure)
                        logger.WillRetry(args.Context.OperationKey ?? "call", Failures.Describe(failure), args.RetryDelay, args.AttemptNumber + 2, options.MaxAttempts);
                    return default;
                },
            }).Build();
        }
    }
}
