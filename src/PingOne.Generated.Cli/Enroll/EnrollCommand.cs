using System.CommandLine;
using PingOne.Generated.Cli.Enroll;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.Cli;

/// <summary><c>pingone-voice enroll --csv file</c>: a rollout from a spreadsheet, resumable and never creating a device twice.</summary>
internal static class EnrollCommand
{
    internal static readonly Option<FileInfo?> Csv = new("--csv") { Description = "CSV with a header: phone, the user as userId, username or email, and optional extension, nickname, policyId (or --from-directory instead)." };
    internal static readonly Option<string?> Policy = new("--policy") { Description = "The device authentication policy id for every row, instead of a policyId column (with --emulator, rows without one use the emulator's seed policy)." };
    internal static readonly Option<bool> DryRun = new("--dry-run") { Description = "Check every row and, given PingOne settings, run the pre-flight and read each user's devices; create nothing." };
    internal static readonly Option<int> Concurrency = NumberOptions.Int("--concurrency", 1, 1000, "Users in flight at once (a user's rows always run one after another).", 8);
    internal static readonly Option<double?> Rate = NumberOptions.OptionalPositive("--rate", "Most API requests per second (PingOne's limit for this client); without it the run finds the limit from 429 answers.", "requests per second");
    internal static readonly Option<FileInfo?> Journal = new("--journal") { Description = "The journal that makes the run resumable (default: <csv>.journal.jsonl)." };
    internal static readonly Option<bool> NewJournal = new("--new-journal") { Description = "Set an existing journal aside (renamed to *.old) and start afresh, e.g. after changing the target." };
    internal static readonly Option<FileInfo?> Results = new("--results") { Description = "Where to write one result per row: *.jsonl for JSON Lines (programs), anything else CSV (spreadsheets) (default: <csv>.results.csv)." };
    internal static readonly Option<bool> SkipPreflight = new("--skip-preflight") { Description = "Do not read the environment's MFA settings first (for a worker app not allowed to read them); PingOne then judges extensions and device limits row by row." };

    /// <summary>The exit codes of <c>enroll</c>, for <c>--help</c> and the README: the highest that applies wins.</summary>
    public static readonly string ExitCodeHelp = string.Join(System.Environment.NewLine,
        "Exit codes (the highest that applies wins):",
        "  0  every row created or already there (exists); repeats in the file are reported duplicate;",
        "     from the directory, users without the phone attribute (no-phone) or disabled are counted, not failures",
        "  1  bad input: a usage or settings error before the run, or invalid rows (reported; the valid rows still ran):",
        "     a user named by no single username/email, or a profile phone that cannot be read",
        "  2  PingOne refused some rows (or the pre-flight shows it would): fix them, then run again",
        "  3  some outcomes unknown or PingOne unreachable: run the same command again to finish",
        ExitCodes.Signals,
        "       on either, creates in flight finish (a second Ctrl+C abandons them), then the journal, results",
        "       and summary are written: run the same command again to resume",
        string.Empty);

    public static Command Build(CliContext cli)
    {
        var command = new Command("enroll", "Enroll voice devices from a CSV file or the PingOne directory: resumable, rate-aware, never a duplicate. Ctrl+C stops starting creates, lets those in flight finish and writes what ended.");
        foreach (var option in new Option[] { Csv, Policy, DryRun, Concurrency, Rate, Journal, NewJournal, Results, SkipPreflight }.Concat(DirectoryRun.All).Concat(PhoneOptions.All).Concat(PingOneSettings.All))
            command.Options.Add(option);
        command.SetAction(cli.Action((result, _) => RunAsync(result, cli)));
        return command;
    }

    // Cancellation comes from the Interruption: Stopping ends the run gracefully, Aborting abandons requests in flight.
    private static async Task<int> RunAsync(ParseResult result, CliContext cli)
    {
        if (result.GetValue(Policy) is { } policy) Ids.Require(policy, Policy.Name);
        if (result.GetValue(DirectoryRun.FromDirectory)) return await DirectoryRun.RunAsync(result, cli).ConfigureAwait(false);
        if (DirectoryRun.All.Skip(1).FirstOrDefault(option => result.GetResult(option) is { Implicit: false }) is { } stray)
            throw new UsageException($"{stray.Name} goes with --from-directory");
        var csv = result.GetValue(Csv) ?? throw new UsageException("enroll needs --csv <file>, or --from-directory to read the users from PingOne");
        if (!csv.Exists) throw new UsageException($"--csv: {csv.FullName} does not exist");
        var dryRun = result.GetValue(DryRun);
        var settings = dryRun ? PingOneSettings.TryFrom(result, cli.Environment) : PingOneSettings.From(result, cli.Environment);
        var rows = EnrollmentCsv.Read(csv.FullName, result.GetValue(Policy)?.Trim(), settings?.UseEmulator == true ? EmulatorSeed.PolicyId : null);
        var phone = PhoneOptions.From(result);
        var namesUsers = rows.Any(row => row.Identifier is not null);
        var results = ResultsAt(result.GetValue(Results)?.FullName ?? csv.FullName + ".results.csv", namesUsers);
        if (settings is null && namesUsers)
            throw new UsageException($"--dry-run: {csv.FullName} names users by username or email: give PingOne settings (or --emulator) so that they can be resolved");

        if (settings is null) return await OfflineDryRunAsync(rows.Count, EnrollmentPlan.Make(rows, new PhoneNumberNormalizer(phone)), results, cli).ConfigureAwait(false);

        var interruption = cli.Interruption;
        var pacer = new RequestPacer(result.GetValue(Rate), TimeProvider.System);
        await using var connection = await PingOneConnection.OpenAsync(settings, phone, cli, interruption.Stopping,
            options => options.Retry.SafeRetry = true, api => new PacingHandler(pacer, api)).ConfigureAwait(false);
        // The journal first: a journal of another target stops the run before any request. The embedded emulator starts
        // empty every run, so nothing an earlier run journaled exists there.
        var journalPath = dryRun ? null : result.GetValue(Journal)?.FullName ?? csv.FullName + ".journal.jsonl";
        using var journal = journalPath is null ? null : EnrollmentJournal.Open(journalPath,
            new EnrollmentTarget(connection.ApiAddress, connection.EnvironmentId), startAfresh: result.GetValue(NewJournal) || connection.IsEmulated);
        var rules = result.GetValue(SkipPreflight) ? TenantRules.Unknown : await TenantRules.ReadAsync(connection.Client, connection.EnvironmentId, interruption.Stopping).ConfigureAwait(false);
        await cli.NoteAsync("enroll: " + rules.Describe() + ".").ConfigureAwait(false);
        var unresolved = new List<RowResult>();
        if (namesUsers)
        {
            // Before any device is created: a row naming no single user is invalid and sends nothing.
            var directory = new PingOneUserDirectory(connection.Client, connection.EnvironmentId, null, phone);
            (var resolution, rows, unresolved) = await UserResolution.ResolveAsync(rows, directory, DirectoryRun.PageSize, result.GetValue(Concurrency), interruption.Stopping).ConfigureAwait(false);
            await cli.NoteAsync("enroll: " + resolution.Strategy + ".").ConfigureAwait(false);
        }
        var plan = EnrollmentPlan.Make(rows, new PhoneNumberNormalizer(phone), unresolved);
        var enrollment = new Enrollment(connection.Client, connection.EnvironmentId, rules, journal, result.GetValue(Concurrency));
        var pending = enrollment.Start(plan);
        if (enrollment.Resumed > 0)
            await cli.NoteAsync($"enroll: resuming: {Plural.Of(enrollment.Resumed, "row")} kept from the journal {journalPath} (created or found by an earlier run); {Plural.Of(pending.Sum(p => p.Count), "row")} left to check.").ConfigureAwait(false);
        var total = plan.Settled.Count + plan.Users.Sum(user => user.Count);
        var outcome = await EnrollProgress.TrackAsync(enrollment, total, cli,
            () => enrollment.RunAsync(pending, interruption.Stopping, interruption.Aborting)).ConfigureAwait(false);

        results.Write(outcome);
        var signal = enrollment.Interrupted ? interruption.Received : Interruption.Signal.None;
        return await FinishAsync(EnrollSummary.Of(enrollment, pacer, results.Path, journalPath, signal) with
        {
            DryRun = dryRun,
            Rows = total,
            Counts = EnrollSummary.Count(outcome, dryRun),
            NotStarted = total - outcome.Count,
            ExitCode = ExitCode(outcome, signal),
        }, outcome, cli).ConfigureAwait(false);
    }

    /// <summary>The highest code that applies: interrupted (130, 143), failed (3), refused (2), invalid (1), else 0.</summary>
    internal static int ExitCode(IReadOnlyCollection<RowResult> outcome, Interruption.Signal signal = Interruption.Signal.None) =>
        ExitCode(status => outcome.Count(r => r.Status == status), signal);

    /// <summary>The same, from the count of each status (<c>no-phone</c> and <c>disabled</c> count as 0).</summary>
    internal static int ExitCode(Func<string, int> count, Interruption.Signal signal) =>
        signal == Interruption.Signal.Terminate ? ExitCodes.Terminated
        : signal == Interruption.Signal.Interrupt ? ExitCodes.Interrupted
        : count(RowStatus.Failed) > 0 ? ExitCodes.TryAgain
        : count(RowStatus.Refused) > 0 ? ExitCodes.PingOneRefused
        : count(RowStatus.Invalid) > 0 ? ExitCodes.BadInput
        : ExitCodes.Ok;

    /// <summary>The results file at <paramref name="path"/>; found out before anything is sent, not after the run has created devices.</summary>
    internal static ResultsFile ResultsAt(string path, bool withIdentifier)
    {
        var results = ResultsFile.For(path, withIdentifier);
        if (Directory.Exists(results.Path)) throw new UsageException($"--results: {results.Path} is a folder; name a file");
        if (Path.GetDirectoryName(results.Path) is { Length: > 0 } resultsFolder && !Directory.Exists(resultsFolder))
            throw new UsageException($"--results: the folder {resultsFolder} does not exist");
        return results;
    }

    // Without PingOne settings a dry run checks the file only: rows, spellings, duplicates.
    private static async Task<int> OfflineDryRunAsync(int rowCount, EnrollmentPlan plan, ResultsFile results, CliContext cli)
    {
        var outcome = plan.Settled.Concat(plan.Users.SelectMany(rows => rows).Select(row =>
            new RowResult(row.Row.Line, row.Row.UserId, row.Phone.Phone, row.Phone.Extension, RowStatus.Ready) { Input = row.Row.Phone, Identifier = row.Row.Identifier })).OrderBy(r => r.Line).ToList();
        results.Write(outcome);
        return await FinishAsync(new EnrollSummary
        {
            DryRun = true,
            Rows = rowCount,
            Counts = EnrollSummary.Count(outcome, dryRun: true),
            Results = results.Path,
            ExitCode = ExitCode(outcome),
        }, outcome, cli).ConfigureAwait(false);
    }

    // A person reads the summary and the problem rows on stderr; a script reads the summary object on stdout.
    internal static async Task<int> FinishAsync(EnrollSummary summary, IEnumerable<RowResult> outcome, CliContext cli)
    {
        if (cli.JsonOutput)
        {
            await cli.WriteDataAsync(summary).ConfigureAwait(false);
            return summary.ExitCode;
        }
        foreach (var line in summary.Lines()) await cli.NoteAsync(line).ConfigureAwait(false);
        foreach (var row in outcome.Where(r => r.Status is RowStatus.Invalid or RowStatus.Refused or RowStatus.Failed or RowStatus.Duplicate))
            await cli.Error.WriteLineAsync($"  line {row.Line}: {row.Status}: {row.Detail}").ConfigureAwait(false);
        return summary.ExitCode;
    }
}
