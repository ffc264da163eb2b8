using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace PingOne.Generated.Cli.Telemetry;

/// <summary>
/// The OpenTelemetry SDK's OTLP exporter over the client's <c>ActivitySource</c> and <c>Meter</c> (<c>PingOne.Generated</c>) and
/// HttpClient's (<c>System.Net.Http</c>), configured by the standard variables: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (the base
/// address; <c>/v1/traces</c> and <c>/v1/metrics</c> are added for http/protobuf), <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>
/// (<c>grpc</c>, the default, or <c>http/protobuf</c>), <c>OTEL_EXPORTER_OTLP_HEADERS</c> and <c>OTEL_SERVICE_NAME</c>.
/// They are read through the CLI's environment (not the process's), so a test can run the CLI in-process with its own.
/// </summary>
internal sealed class OtlpExport : IDisposable
{
    /// <summary>The sources and meters exported: the client library's, then HttpClient's (its request spans are the client's children).</summary>
    public static readonly string[] Sources = { "PingOne.Generated", "System.Net.Http" };

    private readonly TracerProvider _traces;
    private readonly MeterProvider _metrics;

    private OtlpExport(TracerProvider traces, MeterProvider metrics)
    {
        _traces = traces;
        _metrics = metrics;
    }

    public static OtlpExport Start(Func<string, string?> environment)
    {
        var endpointText = environment(TelemetrySwitch.EndpointVariable)!.Trim();
        if (!Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"{TelemetrySwitch.EndpointVariable} '{endpointText}' is not an absolute http(s) URL, e.g. http://localhost:4318.");
        var protocol = environment("OTEL_EXPORTER_OTLP_PROTOCOL")?.Trim() switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new ArgumentException($"OTEL_EXPORTER_OTLP_PROTOCOL '{other}' is not supported: use grpc or http/protobuf."),
        };
        var headers = environment("OTEL_EXPORTER_OTLP_HEADERS");
        var serviceName = environment("OTEL_SERVICE_NAME") is { Length: > 0 } name ? name : "pingone-voice";

        // Set in code, the endpoint is used as given: the per-signal path the specification adds for http/protobuf is added here.
        void Configure(OtlpExporterOptions options, string signalPath)
        {
            options.Protocol = protocol;
            options.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + signalPath) : endpoint;
            if (!string.IsNullOrWhiteSpace(headers)) options.Headers = headers;
        }

        var traces = Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .AddSource(Sources)
            .AddOtlpExporter(options => Configure(options, "/v1/traces"))
            .Build();
        var metrics = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .AddMeter(Sources)
            .AddOtlpExporter(options => Configure(options, "/v1/metrics"))
            .Build();
        return new OtlpExport(traces, metrics);
    }

    /// <summary>Flushes what is buffered (spans, the last metric readings) and stops; runs when the command returns, Ctrl+C included.</summary>
    public void Dispose()
    {
        _traces.ForceFlush(5000);
        _metrics.ForceFlush(5000);
        _traces.Dispose();
        _metrics.Dispose();
    }
}
