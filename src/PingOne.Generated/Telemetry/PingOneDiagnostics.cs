namespace PingOne.Generated
{
    /// <summary>
    /// The names under which the client reports traces and metrics, for <c>AddSource</c> and <c>AddMeter</c>
    /// of the OpenTelemetry SDK (or an <see cref="System.Diagnostics.ActivityListener"/> /
    /// <see cref="System.Diagnostics.Metrics.MeterListener"/>). See docs/observability.md for every span, tag and instrument.
    /// </summary>
    public static class PingOneDiagnostics
    {
        /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name: one activity per public operation of <see cref="PingOneMfaClient"/>.</summary>
        public const string ActivitySourceName = "PingOne.Generated";

        /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name: durations, retries, rate limits, tokens, devices created and schema drift.</summary>
        public const string MeterName = "PingOne.Generated";
    }
}
