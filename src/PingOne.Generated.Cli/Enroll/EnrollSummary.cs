using System.Globalization;
using Newtonsoft.Json;

namespace PingOne.Generated.Cli.Enroll;

/// <summary>
/// How a run (or a dry run) ended: what a person reads on stderr, and, with <c>--output json</c>, one JSON object on
/// stdout. Counts list every outcome, zeros included, so runs compare line by line.
/// </summary>
internal sealed record EnrollSummary
{
    [JsonProperty("command")] public string Command => "enroll";

    [JsonProperty("dryRun")] public bool DryRun { get; init; }

    /// <summary>Rows in the file (users read, from the directory).</summary>
    [JsonProperty("rows")] public int Rows { get; init; }

    /// <summary>From the directory: the selection read (<c>mobilePhone of population …</c>); <see langword="null"/> for a file.</summary>
    [JsonProperty("selection", NullValueHandling = NullValueHandling.Ignore)] public string? Selection { get; init; }

    // What a row is called in the lines a person reads: a file has rows, the directory users.
    private string Unit => Selection is null ? "row" : "user";

    /// <summary>Rows per outcome (<see cref="RowStatus.Outcomes"/>; a dry run has <c>ready</c>, a real run <c>created</c>).</summary>
    [JsonProperty("counts")] public IReadOnlyDictionary<string, int> Counts { get; init; } = new Dictionary<string, int>();

    /// <summary>Rows an earlier run of the journal ended, kept without a request.</summary>
    [JsonProperty("keptFromJournal")] public int KeptFromJournal { get; init; }

    /// <summary>Rows an interruption left for the next run (not in the results file).</summary>
    [JsonProperty("notStarted")] public int NotStarted { get; init; }

    /// <summary>API requests sent, retries included; <see langword="null"/> when nothing was sent (an offline dry run).</summary>
    [JsonProperty("requests")] public long? Requests { get; init; }

    /// <summary>Rows that needed PingOne (their user's devices were listed).</summary>
    [JsonProperty("rowsChecked")] public int? RowsChecked { get; init; }

    /// <summary><c>429</c> answers.</summary>
    [JsonProperty("throttled")] public int? Throttled { get; init; }

    [JsonProperty("durationSeconds")] public double DurationSeconds { get; init; }

    [JsonProperty("results")] public string Results { get; init; } = string.Empty;

    [JsonProperty("journal")] public string? Journal { get; init; }

    /// <summary><c>SIGINT</c> or <c>SIGTERM</c> when a signal stopped the run.</summary>
    [JsonProperty("interrupted")] public string? Interrupted { get; init; }

    [JsonProperty("exitCode")] public int ExitCode { get; init; }

    /// <summary>
    /// What every run reports the same way, CSV or directory: the rows kept from the journal, the requests, <c>429</c>s and
    /// duration, the files and the signal that stopped it. Each command adds its rows, counts and exit code with <c>with</c>.
    /// </summary>
    public static EnrollSummary Of(Enrollment enrollment, RequestPacer pacer, string results, string? journal, Interruption.Signal signal) => new()
    {
        KeptFromJournal = enrollment.Resumed,
        Requests = pacer.Requests,
        RowsChecked = enrollment.RowsChecked,
        Throttled = pacer.Throttles,
        DurationSeconds = Math.Round(enrollment.Elapsed.TotalSeconds, 1),
        Results = results,
        Journal = journal,
        Interrupted = signal switch { Interruption.Signal.Interrupt => "SIGINT", Interruption.Signal.Terminate => "SIGTERM", _ => null },
    };

    public static IReadOnlyDictionary<string, int> Count(IReadOnlyCollection<RowResult> outcome, bool dryRun)
    {
        var counts = outcome.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        return RowStatus.Outcomes.Where(status => status != (dryRun ? RowStatus.Created : RowStatus.Ready))
            .ToDictionary(status => status, status => counts.GetValueOrDefault(status));
    }

    /// <summary>The lines a person reads (each goes to stderr as a note).</summary>
    public IEnumerable<string> Lines()
    {
        var what = DryRun ? "dry run" : "enroll";
        var sent = Requests is { } requests
            ? string.Create(CultureInfo.InvariantCulture, $"; {RequestsText(requests, RowsChecked ?? 0, Unit)}, 429 answers: {Throttled ?? 0}")
            : string.Empty;
        var kept = KeptFromJournal > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({Plural.Of(KeptFromJournal, Unit)} kept from the journal)") : string.Empty;
        var left = NotStarted > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {Plural.Of(NotStarted, Unit)} not started") : string.Empty;
        // An offline dry run sent nothing and took no time worth a figure.
        var duration = Requests is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" in {DurationSeconds:F1} s");
        var created = !DryRun ? string.Empty
            : Requests is null ? " Nothing was sent: give PingOne settings (or --emulator) to run the pre-flight against the tenant."
            : " Nothing was created.";
        yield return string.Create(CultureInfo.InvariantCulture,
            $"{what}: {Plural.Of(Rows, Unit)}{(Selection is null ? string.Empty : " of the " + Selection)}{duration}: {RowStatus.Tally(Counts.Keys, status => Counts[status])}{kept}{left}{sent}.{created} Results: {Results}");
        if (Interrupted is not null) yield return $"{what}: interrupted: run the same command again to resume.";
    }

    private static string RequestsText(long requests, int rows, string unit) => rows == 0
        ? $"{Plural.Of(requests, "request")}, no {unit} needed PingOne"
        : string.Create(CultureInfo.InvariantCulture, $"{Plural.Of(requests, "request")} for {Plural.Of(rows, unit)} checked with PingOne ({requests / (double)rows:F2} per {unit})");
}
