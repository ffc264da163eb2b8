namespace PingOne.Generated
{
    /// <summary>What went wrong between the client and PingOne; <see cref="PingOneException.Kind"/> carries it.</summary>
    public enum PingOneFailureKind
    {
        /// <summary>PingOne refused the request: a <c>4xx</c> other than <c>408</c> and <c>429</c>. Sending it again will not help.</summary>
        Refused = 0,

        /// <summary>PingOne answered <c>429</c> on every attempt: the rate limit is still exceeded after the retries.</summary>
        RateLimited = 1,

        /// <summary>PingOne answered <c>5xx</c>: it is unavailable or failed while processing the request.</summary>
        Unavailable = 2,

        /// <summary>PingOne could not be reached: the host name did not resolve or the connection was refused. Nothing was sent.</summary>
        Unreachable = 3,

        /// <summary>No answer came in time (<c>HttpClient.Timeout</c>, or <c>408</c>).</summary>
        TimedOut = 4,

        /// <summary>The connection was lost after the request was sent: PingOne may or may not have processed it.</summary>
        OutcomeUnknown = 5,

        /// <summary>PingOne answered with success, but the body could not be read as the operation's response.</summary>
        InvalidResponse = 6,
    }
}
