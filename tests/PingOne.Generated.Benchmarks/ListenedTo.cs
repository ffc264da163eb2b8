using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PingOne.Generated.Benchmarks;

/// <summary>
/// What an application's OpenTelemetry SDK does to the client: listens to its ActivitySource (every activity recorded,
/// with all its data) and to every instrument of its Meter. The callbacks do nothing, so the figure is the client's cost.
/// </summary>
internal sealed class ListenedTo : IDisposable
{
    private readonly ActivityListener _activities = new()
    {
        ShouldListenTo = source => source.Name == PingOneDiagnostics.ActivitySourceName,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    private readonly MeterListener _meters = new();

    public ListenedTo()
    {
        ActivitySource.AddActivityListener(_activities);
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PingOneDiagnostics.MeterName) listener.EnableMeasurementEvents(instrument);
        };
        _meters.SetMeasurementEventCallback<long>((_, _, _, _) => { });
        _meters.SetMeasurementEventCallback<double>((_, _, _, _) => { });
        _meters.Start();
    }

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
    }
}
