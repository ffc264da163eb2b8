using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;

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
    private readonly Action<RowResult>? _sink;
    private int _rowsChecked;
    private int _done;
    private int _resumed;
    private int _settled;

    /// <param name="client">The client.</param>
    /// <param name="environmentId">The environment.</param>
    /// <param name="rules">The pre-flight's rules.</param>
    /// <param name="journal">The journal; <see langword="null"/> for a dry run, which creates nothing.</param>
    /// <param name="concurrency">Users in flight at once.</param>
    /// <param name="sink">
    /// Where each result goes as it ends (one at a time), instead of being kept for <see cref="RunAsync"/>'s answer: a run
    /// streamed from the directory keeps no result in memory.
    /// </param>
    public Enrollment(PingOneMfaClient client, string environmentId, TenantRules rules, EnrollmentJournal? journal, int concurrency, Action<RowResult>? sink = null)
    {
        _sink = sink;
        _client = client;
        _environmentId = environmentId;
        _rules = rules;
        _journal = journal;
        _concurrency = concurrency;
    }

    public int Count(string status) => _counts.TryGetValue(status, out var count) ? count : 0;

    public int Done => _sink is null ? _results.Count : Volatile.Read(ref _done);

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

    /// <summary>
    /// Runs users as a source yields them, each a row of its own or a result settled without PingOne, through the same
    /// per-user steps as <see cref="RunAsync"/>, each result going to the sink. A bounded channel sits between the source
    /// and the workers: the source reads ahead at most <paramref name="readAhead"/> users (about a page), so memory does
    /// not grow with the source.
    /// </summary>
    /// <param name="source">The users, e.g. <see cref="DirectorySource.ReadAsync"/>.</param>
    /// <param name="readAhead">Users the source may read ahead of the workers.</param>
    /// <param name="stopping">Cancelled at the first Ctrl+C: read no further and start no new user or create.</param>
    /// <param name="aborting">Cancelled at the second Ctrl+C: abandon the requests in flight.</param>
    public async Task StreamAsync(IAsyncEnumerable<UserWork> source, int readAhead, CancellationToken stopping, CancellationToken aborting)
    {
        var channel = Channel.CreateBounded<UserWork>(new BoundedChannelOptions(Math.Max(readAhead, _concurrency)) { SingleWriter = true });
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _clock.Start();
        var producer = Task.Run(async () =>
        {
            try
            {
                await foreach (var work in source.WithCancellation(failed.Token).ConfigureAwait(false))
                    await channel.Writer.WriteAsync(work, failed.Token).ConfigureAwait(false);
                channel.Writer.Complete();
            }
            catch (OperationCanceledException) when (failed.IsCancellationRequested)
            {
                channel.Writer.Complete();
            }
            catch (Exception error)
            {
                channel.Writer.Complete(error); // a page PingOne would not give: the workers stop and the run reports it
            }
        }, CancellationToken.None);
        var workers = Enumerable.Range(0, _concurrency).Select(_ => Task.Run(async () =>
        {
            try
            {
                await foreach (var work in channel.Reader.ReadAllAsync(failed.Token).ConfigureAwait(false))
                {
                    if (work.Settled is { } settled)
                    {
                        Record(settled);
                        Interlocked.Increment(ref _settled);
                    }
                    else if (!KeptFromJournal(work.Row!)) await EnrollUserAsync(new[] { work.Row! }, failed.Token, aborting).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (failed.IsCancellationRequested)
            {
                // Interrupted, or another worker failed: what ended is recorded.
            }
        }, CancellationToken.None)).ToList();
        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        finally
        {
            // A worker's failure stops the source too; the source's failure reaches the workers through the channel.
            await failed.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
            _clock.Stop();
        }
        Interrupted = stopping.IsCancellationRequested;
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
        new(row.Row.Line, row.Row.UserId, row.Phone.Phone, row.Phone.Extension, status, deviceId, detail) { Input = row.Row.Phone, Identifier = row.Row.Identifier };

    private void Record(RowResult result)
    {
        if (_sink is null) _results[result.Line] = result;
        else
        {
            lock (_sink) _sink(result);
            Interlocked.Increment(ref _done);
        }
        _counts.AddOrUpdate(result.Status, 1, (_, count) => count + 1);
    }
}

/// <summary>One user of a streamed run: a row to enroll, or a result settled without PingOne (no phone, disabled, invalid).</summary>
internal readonly record struct UserWork(PlannedRow? Row, RowResult? Settled);
