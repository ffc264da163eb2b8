namespace PingOne.Generated.Cli.Telemetry;

/// <summary>
/// Whether the CLI exports telemetry: only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. This class names no OpenTelemetry type,
/// so without the variable the JIT never loads the OpenTelemetry assemblies (<see cref="OtlpExport"/> holds them all).
/// </summary>
internal static class TelemetrySwitch
{
    /// <summary>The standard variable that turns export on.</summary>
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Starts exporting when asked; dispose the result to flush and stop (also on Ctrl+C, when the command returns).</summary>
    /// <returns>The running export, or <see langword="null"/> when the variable is not set.</returns>
    /// <exception cref="ArgumentException">The variable is set but is not an absolute http(s) URL.</exception>
    public static IDisposable? StartIfAsked(Func<string, string?> environment) =>
        string.IsNullOrWhiteSpace(environment(EndpointVariable)) ? null : OtlpExport.Start(environment);
}
