using System.Collections.Concurrent;
using System.Diagnostics;

namespace PingOne.Generated.Cli.Enroll;

/// <summary>
/// Runs a plan: users in parallel (at most <c>--concurrency</c>), each user's rows one after another, so a user's
/// device check can never race a create of the same user. Per user: one device list, then for each row either
/// <c>exists</c> (a voice device with that phone and extension is there), <c>refused</c> (the pre-flight rules say
/// PingOne would refuse it), or a create, journaled before and after. A dry run stops before the create (<c>ready</c>).
/// Interrupted (Ctrl+C, SIGTERM), it starts no new user or create, lets what is in flight finish, and returns the rows that ended.
/// </summary>
internal sealed class Enrollment
{
    private readonly PingOneMfaClient _client;
    private readonly string _environmentId;
    private readonly TenantRules _rules;
    private readonly EnrollmentJournal? _journal;
    private readonly int _concurrency;
    private readonly ConcurrentDictionary<int, RowResult> _results = new();
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly Stopwatch _clock = new();
    private int _rowsChecked;
    private int _resumed;
    private int _settled;

    /// <param name="client">The client.</param>
    /// <param name="environmentId">The environment.</param>
    /// <param name="rules">The pre-flight's rules.</param>
    /// <param name="journal">The journal; <see langword="null"/> for a dry run, which creates nothing.</param>
    /// <param name="concurrency">Users in flight at once.</param>
    public Enrollment(PingOneMfaClient client, string environmentId, TenantRules rules, EnrollmentJournal? journal, int concurrency)
    {
        _client = client;
        _environmentId = environmentId;
        _rules = rules;
        _journal = journal;
        _concurrency = concurrency;
    }

    public int Count(string status) => _counts.TryGetValue(status, out var count) ? count : 0;

    public int Done => _results.Count;

    /// <summary>Time since the rows to send started (<see cref="RunAsync"/>).</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Rows an earlier run of this journal ended (created or found): kept without a request.</summary>
    public int Resumed => Volatile.Read(ref _resumed);

    /// <summary>Rows this run has ended itself: neither kept from the journal nor settled without PingOne (invalid, duplicate).</summary>
    public int DoneThisRun => Done - Resumed - Volatile.Read(ref _settled);

    /// <summary>Whether an interruption stopped the run before every row ended.</summary>
    public bool Interrupted { get; private set; }

    /// <summary>Rows that needed PingOne: their user's devices were listed (and the row created, found, or refused for the limit).</summary>
    public int RowsChecked => Volatile.Read(ref _rowsChecked);

    /// <summary>Records the rows decided without a request (invalid, duplicate, kept from the journal); returns each user's rows left to send.</summary>
    public IReadOnlyList<IReadOnlyList<PlannedRow>> Start(EnrollmentPlan plan)
    {
        foreach (var settled in plan.Settled) Record(settled);
        Volatile.Write(ref _settled, plan.Settled.Count);
        var pending = new List<IReadOnlyList<PlannedRow>>();
        foreach (var rowsOfUser in plan.Users)
        {
            var left = rowsOfUser.Where(row => !KeptFromJournal(row)).ToList();
            if (left.Count > 0) pending.Add(left);
        }
        return pending;
    }

    /// <summary>Sends the rows <see cref="Start"/> left; returns every row that ended, in file order.</summary>
    /// <param name="pending">What <see cref="Start"/> returned.</param>
    /// <param name="stopping">Cancelled at the first Ctrl+C: start no new user and no new create.</param>
    /// <param name="aborting">Cancelled at the second Ctrl+C (or after the grace period): abandon the requests in flight.</param>
    public async Task<IReadOnlyList<RowResult>> RunAsync(IReadOnlyList<IReadOnlyList<PlannedRow>> pending, CancellationToken stopping, CancellationToken aborting)
    {
        var expected = Done + pending.Sum(rows => rows.Count);
        _clock.Start();
        try
        {
            // The loop stops taking users at the first signal; a user in flight finishes its current row (EnrollUserAsync).
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = _concurrency, CancellationToken = stopping },
                (rows, _) => new ValueTask(EnrollUserAsync(rows, stopping, aborting))).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Parallel.ForEachAsync returns once the users in flight have finished: what ended is recorded.
        }
        _clock.Stop();
        Interrupted = Done < expected;
        return _results.Values.OrderBy(result => result.Line).ToList();
    }

    // An unchanged row whose device an earlier run of this journal created or found: nothing is left to do.
    private bool KeptFromJournal(PlannedRow row)
    {
        if (_journal is null || !_journal.Previous.TryGetValue(row.Key, out var earlier) || !RowStatus.IsKeptOnResume(earlier.Status)) return false;
        Record(Result(row, earlier.Status, earlier.DeviceId, "kept from the journal of an earlier run"));
        Interlocked.Increment(ref _resumed);
        return true;
    }

    private async Task EnrollUserAsync(IReadOnlyList<PlannedRow> rows, CancellationToken stopping, CancellationToken aborting)
    {
        if (stopping.IsCancellationRequested) return;
        var sendable = new List<PlannedRow>();
        foreach (var row in rows)
        {
            if (_rules.Refusal(row.Phone) is { } reason) Record(Result(row, RowStatus.Refused, detail: reason));
            else sendable.Add(row);
        }
        if (sendable.Count == 0) return;
        Interlocked.Add(ref _rowsChecked, sendable.Count);

        IReadOnlyList<VoiceDevice> devices;
        try
        {
            devices = await _client.ListDevicesAsync(_environmentId, sendable[0].Row.UserId!, aborting).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborting.IsCancellationRequested)
        {
            return; // nothing was changed for this user: its rows are left for the next run
        }
        catch (PingOneException error)
        {
            foreach (var row in sendable) Record(Failure(row, error));
            return;
        }

        var held = devices.Count;
        foreach (var row in sendable)
        {
            if (stopping.IsCancellationRequested) return; // the rest of this user's rows are left for the next run
            if (devices.FirstOrDefault(device => device.IsVoiceDeviceFor(row.Phone)) is { } existing)
                Record(Result(row, RowStatus.Exists, existing.Id));
            else if (!_rules.HasRoomFor(held))
                Record(Result(row, RowStatus.Refused, detail: _rules.LimitReached(held)));
            else if (_journal is null)
            {
                Record(Result(row, RowStatus.Ready));
                held++;
            }
            else
            {
                var result = await CreateAsync(row, _journal, aborting).ConfigureAwait(false);
                if (result.Status == RowStatus.Created) held++;
                Record(result);
            }
        }
    }

    private async Task<RowResult> CreateAsync(PlannedRow row, EnrollmentJournal journal, CancellationToken cancellationToken)
    {
        journal.Append(row, RowStatus.Started);
        RowResult result;
        try
        {
            var request = new CreateVoiceDeviceRequest
            {
                Phone = row.Phone.Phone,
                Extension = row.Phone.Extension,
                Nickname = row.Row.Nickname,
                Policy = new DevicePolicyReference { Id = row.Row.PolicyId! },
            };
            var device = await _client.CreateVoiceDeviceAsync(_environmentId, row.Row.UserId!, request, cancellationToken).ConfigureAwait(false);
            result = Result(row, RowStatus.Created, device.Id);
        }
        catch (PingOneException error)
        {
            result = Failure(row, error);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            result = Result(row, RowStatus.Failed, detail: "interrupted while the create was in flight: the device may have been created. Run the same command again: it checks this user's devices before creating anything.");
        }
        journal.Append(row, result.Status, result.DeviceId);
        return result;
    }

    // A refusal is final for the row as it is; anything else may pass on another run, which keeps ended rows and looks before it creates.
    private static RowResult Failure(PlannedRow row, PingOneException error) =>
        error.Kind == PingOneFailureKind.Refused
            ? Result(row, RowStatus.Refused, detail: CliErrors.Describe(error))
            : Result(row, RowStatus.Failed, detail: CliErrors.Describe(error) + " Run the same command again: it keeps the rows that ended and checks this user's devices before creating anything.");

    private static RowResult Result(PlannedRow row, string status, string? deviceId = null, string? detail = null) =>
        new(row.Row.Line, row.Row.UserId, row.Phone.Phone, row.Phone.Extension, status, deviceId, detail) { Input = row.Row.Phone };

    private void Record(RowResult result)
    {
        _results[result.Line] = result;
        _counts.AddOrUpdate(result.Status, 1, (_, count) => count + 1);
    }
}
