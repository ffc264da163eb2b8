using System;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using Polly;

namespace PingOne.Generated
{
    /// <summary>
    /// The attempts of a call whose first attempt was already sent outside the retry pipeline and failed: the pipeline's
    /// first attempt hands it that failure instead of sending again, and its later attempts send. The retry strategy
    /// so decides, waits, counts and reports exactly as if it had sent the first attempt itself, while a call that
    /// succeeds first time (nearly all of them) never enters it.
    /// </summary>
    internal sealed class FirstAttemptReplay<T, TState>
    {
        private readonly Func<TState, ResilienceContext, Task<T>> _send;
        private readonly TState _state;

        public FirstAttemptReplay(Func<TState, ResilienceContext, Task<T>> send, TState state, ExceptionDispatchInfo? firstFailure)
        {
            _send = send;
            _state = state;
            Unplayed = firstFailure;
        }

        /// <summary>The first attempt's failure while the pipeline has not yet asked for it (a cancelled call never does).</summary>
        public ExceptionDispatchInfo? Unplayed { get; private set; }

        public Task<T> NextAttempt(ResilienceContext context)
        {
            if (Unplayed is not { } first) return _send(_state, context);
            Unplayed = null;
            return Task.FromException<T>(first.SourceException);
        }
    }
}
