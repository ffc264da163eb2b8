using System.CommandLine;
using System.Globalization;
using PingOne.Generated.Cli.Enroll;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.Cli;

/// <summary><c>pingone-voice enroll --csv file</c>: a rollout from a spreadsheet, resumable and never creating a device twice.</summary>
internal static class EnrollCommand
{
    internal static readonly Option<FileInfo?> Csv = new("--csv") { Description = "CSV with a header: phone, the user as userId, username or email, and optional extension, nickname, policyId (or --from-directory instead)." };
    internal static readonly Option<string?> Policy = new("--policy") { Description = "The device authentication policy id for every row, instead of a policyId column (with --emulator, rows without one use the emulator's seed policy)." };
    internal static readonly Option<bool> DryRun = new("--dry-run") { Description = "Check every row and, given PingOne settings, run the pre-flight and read each user's devices; create nothing." };
    internal static readonly Option<int> Concurrency = new("--concurrency") { Description = "Users in flight at once (a user's rows always run one after another).", DefaultValueFactory = _ => 8 };
    internal static readonly Option<double?> Rate = new("--rate") { Description = "Most API requests per second (PingOne's limit for this client); without it the run finds the limit from 429 answers." };
    internal static readonly Option<FileInfo?> Journal = new("--journal") { Description = "The journal that makes the run resumable (default: <csv>.journal.jsonl)." };
    internal static readonly Option<bool> NewJournal = new("--new-journal") { Description = "Set an existing journal aside (renamed to *.old) and start afresh, e.g. after changing the target." };
    internal static readonly Option<FileInfo?> Results = new("--results") { Description = "Where to write the results CSV (default: <csv>.results.csv)." };
    internal static readonly Option<bool> SkipPreflight = new("--skip-preflight") { Description = "Do not read the environment's MFA settings first (for a worker app not allowed to read them); PingOne then judges extensions and device limits row by row." };

    /// <summary>The exit codes of <c>enroll</c>, for <c>--help</c> and the README: the highest that applies wins.</summary>
    public static readonly string ExitCodeHelp = string.Join(System.Environment.NewLine,
        "Exit codes (the highest that applies wins):",
        "  0  every row created or already there (exists); repeats in the file are reported duplicate",
        "  1  bad input: a usage or settings error before the run, or invalid rows (reported; the valid rows still ran)",
        "  2  PingOne refused some rows (or the pre-flight shows it would): fix them, then run again",
        "  3  some outcomes unknown or PingOne unreachable: run the same command again to finish",
        string.Empty);

    public static Command Build(CliContext cli)
    {
        var command = new Command("enroll", "Enroll voice devices from a CSV file or the PingOne directory: resumable, rate-aware, never a duplicate.");
        foreach (var option in new Option[] { Csv, Policy, DryRun, Concurrency, Rate, Journal, NewJournal, Results, SkipPreflight }.Concat(DirectoryRun.All).Concat(PhoneOptions.All).Concat(PingOneSettings.All))
            command.Options.Add(option);
        command.SetAction((result, cancellationToken) => cli.GuardAsync(() => RunAsync(result, cli, cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, CliContext cli, CancellationToken cancellationToken)
    {
        if (result.GetValue(Concurrency) < 1) throw new ArgumentException("--concurrency must be at least 1.");
        if (result.GetValue(Rate) is { } rate && !(rate > 0 && double.IsFinite(rate))) throw new ArgumentException("--rate must be a number of requests per second above 0.");
        if (result.GetValue(Policy) is { } policy && !Guid.TryParseExact(policy.Trim(), "D", out _))
            throw new ArgumentException($"--policy '{policy}' is not a device authentication policy id (a UUID such as 5a3b0b6c-1f4e-4b8a-9d0c-6e2f7a8b9c0d).");
        if (result.GetValue(DirectoryRun.FromDirectory)) return await DirectoryRun.RunAsync(result, cli, cancellationToken).ConfigureAwait(false);
        if (DirectoryRun.All.Skip(1).FirstOrDefault(option => result.GetResult(option) is { Implicit: false }) is { } stray)
            throw new ArgumentException($"{stray.Name} goes with --from-directory.");
        var csv = result.GetValue(Csv) ?? throw new ArgumentException("enroll needs --csv <file>, or --from-directory to read the users from PingOne.");
        if (!csv.Exists) throw new ArgumentException($"{csv.FullName} does not exist.");
        var dryRun = result.GetValue(DryRun);
        var settings = dryRun ? PingOneSettings.TryFrom(result, cli.Environment) : PingOneSettings.From(result, cli.Environment);
        var rows = EnrollmentCsv.Read(csv.FullName, result.GetValue(Policy), settings?.UseEmulator == true ? EmulatorSeed.PolicyId : null);
        var phone = PhoneOptions.From(result);
        var resultsPath = result.GetValue(Results)?.FullName ?? csv.FullName + ".results.csv";
        CheckResultsPath(resultsPath);
        var namesUsers = rows.Any(row => row.Identifier is not null);
        if (settings is null && namesUsers)
            throw new ArgumentException($"{csv.FullName} names users by username or email: give PingOne settings (or --emulator) so that --dry-run can resolve them.");

        if (settings is null) return await OfflineDryRunAsync(rows.Count, EnrollmentPlan.Make(rows, new PhoneNumberNormalizer(phone)), resultsPath, cli).ConfigureAwait(false);

        var pacer = new RequestPacer(result.GetValue(Rate), TimeProvider.System);
        await using var connection = await PingOneConnection.OpenAsync(settings, phone, cli.Error, cancellationToken,
            options => options.Retry.SafeRetry = true, api => new PacingHandler(pacer, api)).ConfigureAwait(false);
        // The journal first: a journal of another target stops the run before any request. The embedded emulator starts
        // empty every run, so nothing an earlier run journaled exists there.
        using var journal = dryRun ? null : EnrollmentJournal.Open(result.GetValue(Journal)?.FullName ?? csv.FullName + ".journal.jsonl",
            new EnrollmentTarget(connection.ApiAddress, connection.EnvironmentId), startAfresh: result.GetValue(NewJournal) || connection.IsEmulated);
        var rules = result.GetValue(SkipPreflight) ? TenantRules.Unknown : await TenantRules.ReadAsync(connection.Client, connection.EnvironmentId, cancellationToken).ConfigureAwait(false);
        await cli.Error.WriteLineAsync("pingone-voice: enroll: " + rules.Describe() + ".").ConfigureAwait(false);
        var unresolved = new List<RowResult>();
        if (namesUsers)
        {
            // Before any device is created: a row naming no single user is invalid and sends nothing.
            var directory = new PingOneUserDirectory(connection.Client, connection.EnvironmentId, null, phone);
            (var resolution, rows, unresolved) = await UserResolution.ResolveAsync(rows, directory, DirectoryRun.PageSize, result.GetValue(Concurrency), cancellationToken).ConfigureAwait(false);
            await cli.Error.WriteLineAsync("pingone-voice: enroll: " + resolution.Strategy + ".").ConfigureAwait(false);
        }
        var plan = EnrollmentPlan.Make(rows, new PhoneNumberNormalizer(phone), unresolved);
        var enrollment = new Enrollment(connection.Client, connection.EnvironmentId, rules, journal, result.GetValue(Concurrency));
        var interactive = ReferenceEquals(cli.Output, Console.Out) && !Console.IsOutputRedirected;
        var outcome = await EnrollProgress.TrackAsync(enrollment, plan.Settled.Count + plan.Users.Sum(user => user.Count), interactive, cli.Output, () => enrollment.RunAsync(plan, cancellationToken)).ConfigureAwait(false);

        EnrollmentReport.Write(resultsPath, outcome);
        await cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{(dryRun ? "dry run" : "enroll")}: {outcome.Count} rows in {enrollment.Elapsed.TotalSeconds:F1} s: {Counts(outcome, dryRun)}; {Requests(pacer.Requests, enrollment.RowsChecked)}, 429 answers {pacer.Throttles}.{(dryRun ? " Nothing was created." : string.Empty)} Results: {resultsPath}")).ConfigureAwait(false);
        await WriteProblemsAsync(outcome, cli).ConfigureAwait(false);
        return ExitCode(outcome);
    }

    private static string Requests(long requests, int rows) => rows == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{requests} request{(requests == 1 ? string.Empty : "s")}, no row needed PingOne")
        : string.Create(CultureInfo.InvariantCulture, $"{requests} requests for {rows} rows checked with PingOne ({requests / (double)rows:F2} per row)");

    /// <summary>The highest code that applies: failed (3), refused (2), invalid (1), else 0.</summary>
    internal static int ExitCode(IReadOnlyCollection<RowResult> outcome) =>
        ExitCode(status => outcome.Count(r => r.Status == status));

    /// <summary>The highest code that applies, from the count of each status: failed (3), refused (2), invalid (1), else 0 (<c>no-phone</c> and <c>disabled</c> included).</summary>
    internal static int ExitCode(Func<string, int> count) =>
        count(RowStatus.Failed) > 0 ? ExitCodes.TryAgain
        : count(RowStatus.Refused) > 0 ? ExitCodes.PingOneRefused
        : count(RowStatus.Invalid) > 0 ? ExitCodes.BadInput
        : ExitCodes.Ok;

    /// <summary>Found out before anything is sent, not after the run has created devices.</summary>
    internal static void CheckResultsPath(string resultsPath)
    {
        if (Directory.Exists(resultsPath)) throw new ArgumentException($"--results: {resultsPath} is a folder; name a file.");
        if (Path.GetDirectoryName(resultsPath) is { Length: > 0 } resultsFolder && !Directory.Exists(resultsFolder))
            throw new ArgumentException($"--results: the folder {resultsFolder} does not exist.");
    }

    // Without PingOne settings a dry run checks the file only: rows, spellings, duplicates.
    private static async Task<int> OfflineDryRunAsync(int rowCount, EnrollmentPlan plan, string resultsPath, CliContext cli)
    {
        var outcome = plan.Settled.Concat(plan.Users.SelectMany(rows => rows).Select(row =>
            new RowResult(row.Row.Line, row.Row.UserId, row.Phone.Phone, row.Phone.Extension, RowStatus.Ready, Identifier: row.Row.Identifier))).OrderBy(r => r.Line).ToList();
        EnrollmentReport.Write(resultsPath, outcome);
        await cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"dry run: {rowCount} rows: {Counts(outcome, dryRun: true)}. Nothing was sent: give PingOne settings (or --emulator) to run the pre-flight against the tenant. Results: {resultsPath}")).ConfigureAwait(false);
        await WriteProblemsAsync(outcome, cli).ConfigureAwait(false);
        return ExitCode(outcome);
    }

    // Every outcome, zeros included, so runs compare line by line; a dry run creates nothing and a real run has nothing "ready".
    private static string Counts(IReadOnlyCollection<RowResult> outcome, bool dryRun)
    {
        var counts = outcome.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        return RowStatus.Tally(RowStatus.Outcomes.Where(status => status != (dryRun ? RowStatus.Created : RowStatus.Ready)), status => counts.GetValueOrDefault(status));
    }

    private static async Task WriteProblemsAsync(IEnumerable<RowResult> outcome, CliContext cli)
    {
        foreach (var row in outcome.Where(r => r.Status is RowStatus.Invalid or RowStatus.Refused or RowStatus.Failed or RowStatus.Duplicate))
            await cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  line {row.Line}: {row.Status}: {row.Detail}")).ConfigureAwait(false);
    }
}
