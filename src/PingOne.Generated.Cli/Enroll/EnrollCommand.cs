using System.CommandLine;
using System.Globalization;
using CsvHelper;
using PingOne.Generated.Cli.Enroll;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.Cli;

/// <summary><c>pingone-voice enroll --csv file</c>: a rollout from a spreadsheet, resumable and never creating a device twice.</summary>
internal static class EnrollCommand
{
    private static readonly Option<FileInfo> Csv = new("--csv") { Description = "CSV with a header: userId, phone, and optional extension, nickname, policyId.", Required = true };
    private static readonly Option<string?> Policy = new("--policy") { Description = "The device authentication policy id for every row, instead of a policyId column (with --emulator, rows without one use the emulator's seed policy)." };
    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "Validate and normalize every row; send nothing." };
    private static readonly Option<int> Concurrency = new("--concurrency") { Description = "Rows in flight at once.", DefaultValueFactory = _ => 8 };
    private static readonly Option<double?> Rate = new("--rate") { Description = "Most requests per second; slows down by itself on 429 answers either way." };
    private static readonly Option<FileInfo?> Journal = new("--journal") { Description = "The journal that makes the run resumable (default: <csv>.journal.jsonl)." };
    private static readonly Option<FileInfo?> Results = new("--results") { Description = "Where to write the results CSV (default: <csv>.results.csv)." };

    public static Command Build(CliContext cli)
    {
        var command = new Command("enroll", "Enroll voice devices from a CSV file: resumable, rate-aware, never a duplicate.");
        foreach (var option in new Option[] { Csv, Policy, DryRun, Concurrency, Rate, Journal, Results }.Concat(PhoneOptions.All).Concat(PingOneSettings.All))
            command.Options.Add(option);
        command.SetAction((result, cancellationToken) => cli.GuardAsync(() => RunAsync(result, cli, cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, CliContext cli, CancellationToken cancellationToken)
    {
        if (result.GetValue(Concurrency) < 1) throw new ArgumentException("--concurrency must be at least 1.");
        if (result.GetValue(Rate) is <= 0) throw new ArgumentException("--rate must be above 0.");
        var csv = result.GetValue(Csv)!;
        if (!csv.Exists) throw new ArgumentException($"{csv.FullName} does not exist.");
        var rows = EnrollmentCsv.Read(csv.FullName, result.GetValue(Policy));
        if (result.GetValue(PingOneSettings.Emulator)) rows = rows.Select(row => row with { PolicyId = row.PolicyId ?? EmulatorSeed.PolicyId }).ToList();
        var phone = PhoneOptions.From(result);
        var resultsPath = result.GetValue(Results)?.FullName ?? csv.FullName + ".results.csv";

        if (result.GetValue(DryRun)) return await DryRunAsync(rows, new PhoneNumberNormalizer(phone), resultsPath, cli).ConfigureAwait(false);

        var limiter = new AdaptiveRateLimiter(result.GetValue(Rate), TimeProvider.System);
        Enrollment? enrollment = null;
        var observer = new ThrottleObserver(limiter, () => enrollment?.SendRate ?? 0);
        await using var connection = await PingOneConnection.OpenAsync(PingOneSettings.From(result, cli.Environment), phone, cli.Error, cancellationToken,
            options => options.Retry.SafeRetry = true, observer).ConfigureAwait(false);
        using var journal = EnrollmentJournal.Open(result.GetValue(Journal)?.FullName ?? csv.FullName + ".journal.jsonl");
        enrollment = new Enrollment(connection.Client, connection.EnvironmentId, new PhoneNumberNormalizer(phone), limiter, journal, result.GetValue(Concurrency));

        var interactive = ReferenceEquals(cli.Output, Console.Out) && !Console.IsOutputRedirected;
        var outcome = await EnrollProgress.TrackAsync(enrollment, rows.Count, interactive, cli.Output, () => enrollment.RunAsync(rows, cancellationToken), cancellationToken).ConfigureAwait(false);

        WriteResults(resultsPath, outcome);
        await cli.Output.WriteLineAsync(Summary(outcome, enrollment, limiter, resultsPath)).ConfigureAwait(false);
        foreach (var failed in outcome.Where(r => r.Status is RowStatus.Failed or RowStatus.Invalid))
            await cli.Output.WriteLineAsync($"  line {failed.Line}: {failed.Status}: {failed.Error}").ConfigureAwait(false);
        return ExitCode(outcome);
    }

    // The worst row decides: a failure that another run may fix (3), then a refusal (2), then a bad row (1).
    internal static int ExitCode(IReadOnlyCollection<RowResult> outcome)
    {
        var failed = outcome.Where(r => r.Status == RowStatus.Failed).ToList();
        if (failed.Any(r => r.Kind is not PingOneFailureKind.Refused)) return ExitCodes.TryAgain;
        if (failed.Count > 0) return ExitCodes.PingOneRefused;
        return outcome.Any(r => r.Status == RowStatus.Invalid) ? ExitCodes.BadInput : ExitCodes.Ok;
    }

    private static async Task<int> DryRunAsync(IReadOnlyList<Enroll.EnrollmentRow> rows, PhoneNumberNormalizer normalizer, string resultsPath, CliContext cli)
    {
        var outcome = rows.Select(row => RowValidation.Check(row, normalizer, out _)).ToList();
        foreach (var bad in outcome.Where(r => r.Status == RowStatus.Invalid))
            await cli.Output.WriteLineAsync($"line {bad.Line}: {bad.Error}").ConfigureAwait(false);
        WriteResults(resultsPath, outcome);
        var invalid = outcome.Count(r => r.Status == RowStatus.Invalid);
        await cli.Output.WriteLineAsync($"dry run: {rows.Count} rows, {rows.Count - invalid} valid, {invalid} invalid; nothing was sent. Results: {resultsPath}").ConfigureAwait(false);
        return invalid == 0 ? ExitCodes.Ok : ExitCodes.BadInput;
    }

    private static string Summary(IReadOnlyList<RowResult> outcome, Enrollment enrollment, AdaptiveRateLimiter limiter, string resultsPath) =>
        string.Create(CultureInfo.InvariantCulture,
            $"enrolled {outcome.Count} rows in {enrollment.Elapsed.TotalSeconds:F1} s: created {outcome.Count(r => r.Status == RowStatus.Created)}, existing {outcome.Count(r => r.Status == RowStatus.Exists)}, invalid {outcome.Count(r => r.Status == RowStatus.Invalid)}, failed {outcome.Count(r => r.Status == RowStatus.Failed)}; 429 answers {limiter.Throttles}. Results: {resultsPath}");

    private static void WriteResults(string path, IEnumerable<RowResult> outcome)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        csv.WriteField("row");
        csv.WriteField("userId");
        csv.WriteField("status");
        csv.WriteField("deviceId");
        csv.WriteField("error");
        csv.NextRecord();
        foreach (var row in outcome)
        {
            csv.WriteField(row.Line);
            csv.WriteField(row.UserId);
            csv.WriteField(row.Status);
            csv.WriteField(row.DeviceId);
            csv.WriteField(row.Error);
            csv.NextRecord();
        }
    }
}
