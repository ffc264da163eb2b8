using System.Collections.Concurrent;
using System.Diagnostics;

namespace PingOne.Generated.Cli.Enroll;

/// <summary>
/// Enrolls every row: normalizes it, skips it when the user already has that voice device, creates it
/// otherwise, and journals each step. Bounded concurrency, client-side rate limit.
/// </summary>
internal sealed class Enrollment
{
    private readonly PingOneMfaClient _client;
    private readonly string _environmentId;
    private readonly PhoneNumberNormalizer _normalizer;
    private readonly AdaptiveRateLimiter _limiter;
    private readonly EnrollmentJournal _journal;
    private readonly int _concurrency;
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _sent;

    public Enrollment(PingOneMfaClient client, string environmentId, PhoneNumberNormalizer normalizer, AdaptiveRateLimiter limiter, EnrollmentJournal journal, int concurrency)
    {
        _client = client;
        _environmentId = environmentId;
        _normalizer = normalizer;
        _limiter = limiter;
        _journal = journal;
        _concurrency = concurrency;
    }

    public int Count(string status) => _counts.TryGetValue(status, out var count) ? count : 0;

    public int Done => Count(RowStatus.Created) + Count(RowStatus.Exists) + Count(RowStatus.Invalid) + Count(RowStatus.Failed);

    /// <summary>Requests per second sent so far in this run.</summary>
    public double SendRate => _sent / Math.Max(_clock.Elapsed.TotalSeconds, 0.001);

    public TimeSpan Elapsed => _clock.Elapsed;

    public async Task<IReadOnlyList<RowResult>> RunAsync(IReadOnlyList<EnrollmentRow> rows, CancellationToken cancellationToken)
    {
        var results = new ConcurrentDictionary<int, RowResult>();
        foreach (var row in rows)
        {
            if (_journal.Previous.TryGetValue(row.Line, out var earlier) && RowStatus.IsFinal(earlier.Status))
                Record(results, earlier, journal: false);
        }
        var pending = rows.Where(row => !results.ContainsKey(row.Line)).ToList();
        await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = _concurrency, CancellationToken = cancellationToken },
            async (row, ct) => Record(results, await EnrollAsync(row, ct).ConfigureAwait(false), journal: true)).ConfigureAwait(false);
        return rows.Select(row => results[row.Line]).ToList();
    }

    private async Task<RowResult> EnrollAsync(EnrollmentRow row, CancellationToken cancellationToken)
    {
        var check = RowValidation.Check(row, _normalizer, out var phone);
        if (check.Status == RowStatus.Invalid) return check;
        try
        {
            // Never a duplicate: a voice device with the same number and extension counts as enrolled.
            await _limiter.WaitAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _sent);
            var devices = await _client.ListDevicesAsync(_environmentId, row.UserId!, cancellationToken).ConfigureAwait(false);
            var existing = devices.FirstOrDefault(device => device.IsVoiceDeviceFor(phone));
            if (existing is not null) return new RowResult(row.Line, row.UserId, RowStatus.Exists, existing.Id);

            _journal.Append(new RowResult(row.Line, row.UserId, RowStatus.Started));
            await _limiter.WaitAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _sent);
            var request = new CreateVoiceDeviceRequest
            {
                Phone = phone.Phone,
                Extension = phone.Extension,
                Nickname = row.Nickname,
                Policy = new DevicePolicyReference { Id = row.PolicyId! },
            };
            var device = await _client.CreateVoiceDeviceAsync(_environmentId, row.UserId!, request, cancellationToken).ConfigureAwait(false);
            return new RowResult(row.Line, row.UserId, RowStatus.Created, device.Id);
        }
        catch (PingOneException error)
        {
            return new RowResult(row.Line, row.UserId, RowStatus.Failed, Error: FailureMessage(error), Kind: error.Kind);
        }
    }

    // A refusal is final; anything else may pass on another run, which skips finished rows and looks before it creates.
    private static string FailureMessage(PingOneException error) =>
        error.Kind == PingOneFailureKind.Refused || error.DeviceMayHaveBeenCreated // the library's message already says what to do then
            ? error.Message
            : error.Message + " Run the same command again: rows that ended are skipped, and each other row is checked before anything is created.";

    private void Record(ConcurrentDictionary<int, RowResult> results, RowResult result, bool journal)
    {
        results[result.Line] = result;
        _counts.AddOrUpdate(result.Status, 1, (_, count) => count + 1);
        if (journal) _journal.Append(result);
    }
}
