using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PingOne.Generated.Tests.Telemetry;

/// <summary>
/// Listens to the client's ActivitySource and Meter the way an application's OpenTelemetry SDK would (by name, every
/// activity recorded), and keeps what they report. Activities are kept only under <see cref="Root"/>, the
/// test's own activity, so nothing another test reports can leak in.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private static readonly ActivitySource TestSource = new("PingOne.Generated.Tests");
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public TelemetryCapture()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name is PingOneDiagnostics.ActivitySourceName or "PingOne.Generated.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == PingOneDiagnostics.ActivitySourceName && Root is { } root && Descends(activity, root)) _stopped.Enqueue(activity);
            },
        };
        ActivitySource.AddActivityListener(_activities);
        Root = TestSource.StartActivity("test")!;
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PingOneDiagnostics.MeterName) listener.EnableMeasurementEvents(instrument);
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measurements.Enqueue(new Measurement(instrument.Name, instrument.Unit, value, tags.ToArray())));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _measurements.Enqueue(new Measurement(instrument.Name, instrument.Unit, value, tags.ToArray())));
        _meters.Start();
    }

    // By the parent chain, not the trace id: on .NET Framework the test's activity has the hierarchical id format, whose
    // children made by an ActivitySource still get W3C ids of their own.
    private static bool Descends(Activity activity, Activity root)
    {
        for (var parent = activity.Parent; parent is not null; parent = parent.Parent)
            if (ReferenceEquals(parent, root)) return true;
        return false;
    }

    /// <summary>The test's activity: the client's activities are its children.</summary>
    public Activity Root { get; } = null!;

    public IReadOnlyList<Activity> Activities => _stopped.ToList();

    public IReadOnlyList<Measurement> Measurements => _measurements.ToList();

    public Activity Single(string name) => Activities.Single(activity => activity.DisplayName == name);

    public IReadOnlyList<Measurement> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument).ToList();

    /// <summary>Every string any activity, event or measurement carried: a name, a tag value, an event's tag value.</summary>
    public IEnumerable<string> AllText()
    {
        foreach (var activity in Activities)
        {
            yield return activity.DisplayName;
            yield return activity.StatusDescription ?? string.Empty;
            foreach (var tag in activity.TagObjects) yield return tag.Key + "=" + tag.Value;
            foreach (var e in activity.Events)
            {
                yield return e.Name;
                foreach (var tag in e.Tags) yield return tag.Key + "=" + tag.Value;
            }
        }
        foreach (var measurement in Measurements)
            foreach (var tag in measurement.Tags) yield return measurement.Instrument + ":" + tag.Key + "=" + tag.Value;
    }

    /// <summary>Every tag value that is text (not a number or a flag), of activities, events and measurements.</summary>
    public IEnumerable<string> AllStringValues()
    {
        foreach (var activity in Activities)
        {
            foreach (var tag in activity.TagObjects) if (tag.Value is string text) yield return text;
            foreach (var e in activity.Events)
                foreach (var tag in e.Tags) if (tag.Value is string text) yield return text;
        }
        foreach (var measurement in Measurements)
            foreach (var tag in measurement.Tags) if (tag.Value is string text) yield return text;
    }

    public void Dispose()
    {
        Root.Dispose();
        _meters.Dispose();
        _activities.Dispose();
    }
}

internal sealed record Measurement(string Instrument, string? Unit, double Value, KeyValuePair<string, object?>[] Tags)
{
    public object? Tag(string name) => Tags.FirstOrDefault(tag => tag.Key == name).Value;

    public bool Has(params (string Name, object? Value)[] tags) => tags.All(t => Equals(Tag(t.Name), t.Value));
}
