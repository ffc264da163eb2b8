using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;

namespace PingOne.Generated.Cli.Enroll;

/// <summary>
/// Runs a plan: users in parallel (at most <c>--concurrency</c>), each user's rows one after another, so a user's
/// device check can never race a create of the same user. Per user: one device list, then for each row either
/// <c>exists</c> (a voice device with that phone and extension is there), <c>refused</c> (the pre-flight rules say
/// PingOne would refuse it), or a create, journaled before and after. A dry run stops before the create (<c>ready</c>).
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
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Action<RowResult>? _sink;
    private int _rowsChecked;
    private int _done;

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

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Rows that needed PingOne: their user's devices were listed (and the row created, found, or refused for the limit).</summary>
    public int RowsChecked => Volatile.Read(ref _rowsChecked);

    public async Task<IReadOnlyList<RowResult>> RunAsync(EnrollmentPlan plan, CancellationToken cancellationToken)
    {
        foreach (var settled in plan.Settled) Record(settled);
        var pending = new List<IReadOnlyList<PlannedRow>>();
        foreach (var rowsOfUser in plan.Users)
        {
            var left = rowsOfUser.Where(row => !Resumed(row)).ToList();
            if (left.Count > 0) pending.Add(left);
        }
        await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = _concurrency, CancellationToken = cancellationToken },
            (rows, ct) => new ValueTask(EnrollUserAsync(rows, ct))).ConfigureAwait(false);
        return _results.Values.OrderBy(result => result.Line).ToList();
    }

    /// <summary>
    /// Runs users as a source yields them, each a row of its own or a result settled without PingOne, through the same
    /// per-user steps as <see cref="RunAsync"/>. A bounded channel sits between the source and the workers: the source
    /// reads ahead at most <paramref name="readAhead"/> users (about a page), so memory does not grow with the source.
    /// </summary>
    public async Task StreamAsync(IAsyncEnumerable<UserWork> source, int readAhead, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<UserWork>(new BoundedChannelOptions(Math.Max(readAhead, _concurrency)) { SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                await foreach (var work in source.WithCancellation(stop.Token).ConfigureAwait(false))
                    await channel.Writer.WriteAsync(work, stop.Token).ConfigureAwait(false);
                channel.Writer.Complete();
            }
            catch (Exception error)
            {
                channel.Writer.Complete(error);
            }
        }, CancellationToken.None);
        var workers = Enumerable.Range(0, _concurrency).Select(_ => Task.Run(async () =>
        {
            await foreach (var work in channel.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                if (work.Settled is { } settled) Record(settled);
                else if (!Resumed(work.Row!)) await EnrollUserAsync(new[] { work.Row! }, stop.Token).ConfigureAwait(false);
            }
        }, CancellationToken.None)).ToList();
        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        finally
        {
            // A worker's failure stops the source too; the source's failure reaches the workers through the channel.
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }
    }

    // An unchanged row whose device an earlier run of this journal created or found: nothing is left to do.
    private bool Resumed(PlannedRow row)
    {
        if (_journal is null || !_journal.Previous.TryGetValue(row.Key, out var earlier) || !RowStatus.IsKeptOnResume(earlier.Status)) return false;
        Record(Result(row, earlier.Status, earlier.DeviceId, "kept from the journal of an earlier run"));
        return true;
    }

    private async Task EnrollUserAsync(IReadOnlyList<PlannedRow> rows, CancellationToken cancellationToken)
    {
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
            devices = await _client.ListDevicesAsync(_environmentId, sendable[0].Row.UserId!, cancellationToken).ConfigureAwait(false);
        }
        catch (PingOneException error)
        {
            foreach (var row in sendable) Record(Failure(row, error));
            return;
        }

        var held = devices.Count;
        foreach (var row in sendable)
        {
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
                var result = await CreateAsync(row, _journal, cancellationToken).ConfigureAwait(false);
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
        journal.Append(row, result.Status, result.DeviceId);
        return result;
    }

    // A refusal is final for the row as it is; anything else may pass on another run, which keeps ended rows and looks before it creates.
    private static RowResult Failure(PlannedRow row, PingOneException error) =>
        error.Kind == PingOneFailureKind.Refused
            ? Result(row, RowStatus.Refused, detail: error.Message)
            : Result(row, RowStatus.Failed, detail: error.Message + " Run the same command again: it keeps the rows that ended and checks this user's devices before creating anything.");

    private static RowResult Result(PlannedRow row, string status, string? deviceId = null, string? detail = null) =>
        new(row.Row.Line, row.Row.UserId, row.Phone.Phone, row.Phone.Extension, status, deviceId, detail, row.Row.Identifier);

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
