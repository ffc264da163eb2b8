using System;

namespace PingOne.Generated
{
    /// <summary>
    /// How the client retries. Creating a device is not idempotent: a request PingOne rejected before
    /// processing it (<c>429</c>, a connection that never opened) is retried; one whose outcome is unknown
    /// (<c>5xx</c>, a timeout, a connection dropped after sending) is only retried with <see cref="SafeRetry"/>.
    /// </summary>
    public sealed class PingOneRetryOptions
    {
        /// <summary>Attempts per call, the first included. Defaults to 4; 1 disables retries.</summary>
        public int MaxAttempts { get; set; } = 4;

        /// <summary>The first backoff delay when PingOne gives no <c>Retry-After</c>; it doubles per attempt, with jitter. Defaults to 1 s.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>The longest wait between attempts, also capping <c>Retry-After</c>. Defaults to 30 s.</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// After a failure that may have created the device, look the user's devices up and return the one
        /// created since the first attempt with the same phone and extension; re-send only when there is
        /// none. Off by default: the exception then says the device may have been created.
        /// </summary>
        public bool SafeRetry { get; set; }

        /// <summary>
        /// How far PingOne's clock may be behind this machine's when safe retry looks for the device a failed
        /// attempt created: a matching device whose <c>createdAt</c> is at most this long before the first
        /// attempt still counts as created by this call. Defaults to 5 minutes; 0 trusts both clocks exactly.
        /// </summary>
        public TimeSpan SafeRetryClockSkew { get; set; } = TimeSpan.FromMinutes(5);
    }
}
