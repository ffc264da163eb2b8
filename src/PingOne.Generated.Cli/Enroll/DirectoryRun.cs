using System.CommandLine;
using System.Globalization;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.Cli.Enroll;

/// <summary>
/// <c>pingone-voice enroll --from-directory</c>: the users of a selection, with the phone already in their profile,
/// streamed page by page through the same per-user steps as a spreadsheet (pre-flight, one device list per user, safe
/// create, journal, pacing). Results are written as each user ends and nothing per user is kept, so memory does not
/// grow with the directory.
/// </summary>
internal static class DirectoryRun
{
    /// <summary>Users asked for per page: PingOne documents 200 as the users endpoint's page size (it may send fewer).</summary>
    public const int PageSize = 200;

    /// <summary>Problem rows printed on the console at the end; the results file holds them all.</summary>
    private const int ProblemsShown = 20;

    public static readonly Option<bool> FromDirectory = new("--from-directory") { Description = "Enroll the environment's users with the phone in their PingOne profile, instead of a CSV (with --phone-attribute, and --population, --filter or --all-users)." };
    public static readonly Option<string?> PhoneAttribute = new Option<string?>("--phone-attribute") { Description = "--from-directory: the profile attribute holding the phone: mobilePhone or primaryPhone." }.AcceptOnlyFromAmong("mobilePhone", "primaryPhone");
    public static readonly Option<string?> Population = new("--population") { Description = "--from-directory: only the users of this population (its id)." };
    public static readonly Option<string?> Filter = new("--filter") { Description = "--from-directory: only the users matching this SCIM filter, e.g. 'email sw \"a\"' (PingOne judges it)." };
    public static readonly Option<bool> AllUsers = new("--all-users") { Description = "--from-directory: every user of the environment (required when neither --population nor --filter is given)." };

    public static IEnumerable<Option> All => new Option[] { FromDirectory, PhoneAttribute, Population, Filter, AllUsers };

    /// <summary>The selection the options name; usage errors before anything is started or sent.</summary>
    public static DirectorySelection Selection(ParseResult result)
    {
        if (result.GetValue(EnrollCommand.Csv) is not null) throw new UsageException("--from-directory reads the users from PingOne: leave out --csv");
        if (result.GetValue(PhoneAttribute) is not { } attribute) throw new UsageException("--from-directory needs --phone-attribute mobilePhone or primaryPhone: the profile attribute that holds each user's phone");
        var population = result.GetValue(Population) is { } id ? Ids.Require(id, Population.Name) : null;
        var filter = result.GetValue(Filter);
        if (filter is not null && string.IsNullOrWhiteSpace(filter)) throw new UsageException("--filter is empty: give a SCIM filter such as 'email sw \"a\"', or leave it out");
        filter = filter?.Trim();
        if (filter is not null && (filter.Any(char.IsControl) || filter.Length > UserQuery.MaxFilterLength))
            throw new UsageException($"--filter must be one line of at most {UserQuery.MaxFilterLength} characters");
        var all = result.GetValue(AllUsers);
        if (population is null && filter is null && !all)
            throw new UsageException("--from-directory without --population or --filter would enroll every user of the environment: add --all-users if that is meant");
        if (all && (population is not null || filter is not null)) throw new UsageException("--all-users selects every user: leave out --population and --filter, or --all-users");
        return new DirectorySelection(attribute == "primaryPhone" ? UserPhoneAttribute.PrimaryPhone : UserPhoneAttribute.MobilePhone, population, filter);
    }

    // Cancellation comes from the Interruption: Stopping ends the run gracefully, Aborting abandons requests in flight.
    public static async Task<int> RunAsync(ParseResult result, CliContext cli)
    {
        var selection = Selection(result);
        var dryRun = result.GetValue(EnrollCommand.DryRun);
        var settings = PingOneSettings.From(result, cli.Environment);
        var policy = result.GetValue(EnrollCommand.Policy)?.Trim() ?? (settings.UseEmulator ? EmulatorSeed.PolicyId : null)
            ?? throw new UsageException("--from-directory needs --policy <id>: the device authentication policy of every device it creates");
        var phone = PhoneOptions.From(result);
        var interruption = cli.Interruption;

        var pacer = new RequestPacer(result.GetValue(EnrollCommand.Rate), TimeProvider.System);
        await using var connection = await PingOneConnection.OpenAsync(settings, phone, cli, interruption.Stopping,
            options => options.Retry.SafeRetry = true, api => new PacingHandler(pacer, api)).ConfigureAwait(false);
        // The selection is part of the target: a rerun of it resumes its journal, another selection has its own.
        var target = new EnrollmentTarget(connection.ApiAddress, connection.EnvironmentId, selection.ToString());
        var stem = Path.GetFullPath(selection.FileStem(target));
        var results = EnrollCommand.ResultsAt(result.GetValue(EnrollCommand.Results)?.FullName ?? stem + ".results.csv", withIdentifier: true);
        var journalPath = dryRun ? null : result.GetValue(EnrollCommand.Journal)?.FullName ?? stem + ".journal.jsonl";
        using var journal = journalPath is null ? null : EnrollmentJournal.Open(journalPath, target,
            startAfresh: result.GetValue(EnrollCommand.NewJournal) || connection.IsEmulated);
        var rules = result.GetValue(EnrollCommand.SkipPreflight) ? TenantRules.Unknown : await TenantRules.ReadAsync(connection.Client, connection.EnvironmentId, interruption.Stopping).ConfigureAwait(false);
        await cli.NoteAsync("enroll: " + rules.Describe() + ".").ConfigureAwait(false);
        await cli.NoteAsync($"enroll: reading the {selection}, {PageSize} users a page.").ConfigureAwait(false);

        var problems = new List<RowResult>();
        var problemCount = 0;
        var writer = results.Open();
        Enrollment enrollment;
        try
        {
            enrollment = new Enrollment(connection.Client, connection.EnvironmentId, rules, journal, result.GetValue(EnrollCommand.Concurrency), row =>
            {
                writer.Add(row);
                if (row.Status is RowStatus.Invalid or RowStatus.Refused or RowStatus.Failed && ++problemCount <= ProblemsShown) problems.Add(row);
            });
            var directory = new PingOneUserDirectory(connection.Client, connection.EnvironmentId, selection.Attribute, phone);
            await EnrollProgress.TrackAsync(enrollment, null, cli, async () =>
            {
                await enrollment.StreamAsync(DirectorySource.ReadAsync(directory, selection, policy, PageSize, interruption.Stopping), PageSize,
                    interruption.Stopping, interruption.Aborting).ConfigureAwait(false);
                return 0;
            }).ConfigureAwait(false);
        }
        finally
        {
            writer.Dispose();
        }

        var signal = enrollment.Interrupted ? interruption.Received : Interruption.Signal.None;
        var summary = EnrollSummary.Of(enrollment, pacer, results.Path, journalPath, signal) with
        {
            DryRun = dryRun,
            Rows = enrollment.Done,
            Selection = selection.ToString(),
            Counts = RowStatus.DirectoryOutcomes.Where(status => status != (dryRun ? RowStatus.Created : RowStatus.Ready)).ToDictionary(status => status, enrollment.Count),
            ExitCode = EnrollCommand.ExitCode(enrollment.Count, signal),
        };
        if (cli.JsonOutput)
        {
            await cli.WriteDataAsync(summary).ConfigureAwait(false);
            return summary.ExitCode;
        }
        foreach (var line in summary.Lines()) await cli.NoteAsync(line).ConfigureAwait(false);
        // By place and user id only: usernames and phones are personal data, kept in the results file.
        foreach (var row in problems)
            await cli.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  user {row.Line} ({row.UserId}): {row.Status}: {row.Detail}")).ConfigureAwait(false);
        if (problemCount > problems.Count)
            await cli.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  ... and {problemCount - problems.Count} more in {results.Path}")).ConfigureAwait(false);
        return summary.ExitCode;
    }
}
