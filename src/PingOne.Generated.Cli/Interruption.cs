using System.Runtime.InteropServices;

namespace PingOne.Generated.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM, in two steps. The first asks the command to stop: <see cref="Stopping"/> is
/// cancelled (enroll starts no new create; other commands abandon their request). The second (or
/// <see cref="Grace"/> after the first) aborts what is still in flight: <see cref="Aborting"/> is cancelled. A third
/// Ctrl+C is left to the operating system, which ends the process at once. Run in-process (tests), the caller's
/// cancellation is the first Ctrl+C.
/// </summary>
internal sealed class Interruption : IDisposable
{
    /// <summary>How long requests in flight may take to finish after the first signal.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly List<IDisposable> _registrations = new();
    private readonly CancellationTokenRegistration _caller;
    private int _signals;
    private int _first;

    /// <summary>Which signal stopped the run.</summary>
    public enum Signal
    {
        /// <summary>Nothing stopped the run.</summary>
        None,

        /// <summary>Ctrl+C, SIGINT: exit code 130.</summary>
        Interrupt,

        /// <summary>SIGTERM: exit code 143.</summary>
        Terminate,
    }

    /// <param name="caller">The caller's cancellation, taken as a first Ctrl+C.</param>
    /// <param name="listenToSignals">Whether to handle the process's SIGINT and SIGTERM (the real command line does; tests do not).</param>
    public Interruption(CancellationToken caller, bool listenToSignals)
    {
        _caller = caller.Register(() => Raise(Signal.Interrupt));
        if (!listenToSignals) return;
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = Raise(Signal.Interrupt)));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => context.Cancel = Raise(Signal.Terminate)));
    }

    /// <summary>Cancelled at the first signal: start nothing new.</summary>
    public CancellationToken Stopping => _stop.Token;

    /// <summary>Cancelled at the second signal, or <see cref="Grace"/> after the first: abandon what is in flight.</summary>
    public CancellationToken Aborting => _abort.Token;

    /// <summary>The first signal received, or <see cref="Signal.None"/>.</summary>
    public Signal Received => (Signal)Volatile.Read(ref _first);

    public void Dispose()
    {
        _caller.Dispose();
        foreach (var registration in _registrations) registration.Dispose();
        _stop.Dispose();
        _abort.Dispose();
    }

    // Whether the process stays alive: the first two signals are ours, a third ends it.
    private bool Raise(Signal signal)
    {
        var count = Interlocked.Increment(ref _signals);
        if (count == 1)
        {
            Interlocked.CompareExchange(ref _first, (int)signal, (int)Signal.None);
            TryCancel(_stop);
            try { _abort.CancelAfter(Grace); } catch (ObjectDisposedException) { }
            return true;
        }
        if (count == 2)
        {
            TryCancel(_abort);
            return true;
        }
        return false;
    }

    private static void TryCancel(CancellationTokenSource source)
    {
        try { source.Cancel(); } catch (ObjectDisposedException) { }
    }
}
