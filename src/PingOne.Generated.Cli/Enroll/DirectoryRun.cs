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

    /// <summary>The selection the options name; usage errors before anything is sent.</summary>
    public static DirectorySelection Selection(ParseResult result)
    {
        if (result.GetValue(EnrollCommand.Csv) is not null) throw new ArgumentException("--from-directory reads the users from PingOne: leave out --csv.");
        if (result.GetValue(PhoneAttribute) is not { } attribute) throw new ArgumentException("--from-directory needs --phone-attribute mobilePhone or primaryPhone: the profile attribute that holds each user's phone.");
        var population = result.GetValue(Population)?.Trim();
        if (population is not null && !Guid.TryParseExact(population, "D", out _))
            throw new ArgumentException("--population is not a PingOne population id (a UUID such as 5a3b0b6c-1f4e-4b8a-9d0c-6e2f7a8b9c0d).");
        var filter = result.GetValue(Filter);
        if (filter is not null && string.IsNullOrWhiteSpace(filter)) throw new ArgumentException("--filter is empty: give a SCIM filter such as 'email sw \"a\"', or leave it out.");
        filter = filter?.Trim();
        var all = result.GetValue(AllUsers);
        if (population is null && filter is null && !all)
            throw new ArgumentException("--from-directory without --population or --filter would enroll every user of the environment: add --all-users if that is meant.");
        if (all && (population is not null || filter is not null)) throw new ArgumentException("--all-users selects every user: leave out --population and --filter, or --all-users.");
        return new DirectorySelection(attribute == "primaryPhone" ? UserPhoneAttribute.PrimaryPhone : UserPhoneAttribute.MobilePhone, population, filter);
    }

    public static async Task<int> RunAsync(ParseResult result, CliContext cli, CancellationToken cancellationToken)
    {
        var selection = Selection(result);
        var dryRun = result.GetValue(EnrollCommand.DryRun);
        var settings = PingOneSettings.From(result, cli.Environment);
        var policy = result.GetValue(EnrollCommand.Policy)?.Trim() ?? (settings.UseEmulator ? EmulatorSeed.PolicyId : null)
            ?? throw new ArgumentException("--from-directory needs --policy <id>: the device authentication policy of every device it creates.");
        var phone = PhoneOptions.From(result);

        var pacer = new RequestPacer(result.GetValue(EnrollCommand.Rate), TimeProvider.System);
        await using var connection = await PingOneConnection.OpenAsync(settings, phone, cli.Error, cancellationToken,
            options => options.Retry.SafeRetry = true, api => new PacingHandler(pacer, api)).ConfigureAwait(false);
        var target = new EnrollmentTarget(connection.ApiAddress, connection.EnvironmentId, selection.ToString());
        var stem = Path.GetFullPath(selection.FileStem(target));
        var resultsPath = result.GetValue(EnrollCommand.Results)?.FullName ?? stem + ".results.csv";
        EnrollCommand.CheckResultsPath(resultsPath);
        using var journal = dryRun ? null : EnrollmentJournal.Open(result.GetValue(EnrollCommand.Journal)?.FullName ?? stem + ".journal.jsonl",
            target, startAfresh: result.GetValue(EnrollCommand.NewJournal) || connection.IsEmulated);
        var rules = result.GetValue(EnrollCommand.SkipPreflight) ? TenantRules.Unknown : await TenantRules.ReadAsync(connection.Client, connection.EnvironmentId, cancellationToken).ConfigureAwait(false);
        await cli.Error.WriteLineAsync("pingone-voice: enroll: " + rules.Describe() + ".").ConfigureAwait(false);
        await cli.Error.WriteLineAsync($"pingone-voice: enroll: reading the {selection}, {PageSize} users a page.").ConfigureAwait(false);

        var problems = new List<RowResult>();
        var problemCount = 0;
        using var report = new EnrollmentReport(resultsPath, withIdentifier: true);
        var enrollment = new Enrollment(connection.Client, connection.EnvironmentId, rules, journal, result.GetValue(EnrollCommand.Concurrency), row =>
        {
            report.Add(row);
            if (row.Status is RowStatus.Invalid or RowStatus.Refused or RowStatus.Failed && ++problemCount <= ProblemsShown) problems.Add(row);
        });
        var directory = new PingOneUserDirectory(connection.Client, connection.EnvironmentId, selection.Attribute, phone);
        var interactive = ReferenceEquals(cli.Output, Console.Out) && !Console.IsOutputRedirected;
        await EnrollProgress.TrackAsync(enrollment, null, interactive, cli.Output, async () =>
        {
            await enrollment.StreamAsync(DirectorySource.ReadAsync(directory, selection, policy, PageSize, cancellationToken), PageSize, cancellationToken).ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
        report.Dispose();

        var statuses = RowStatus.DirectoryOutcomes.Where(status => status != (dryRun ? RowStatus.Created : RowStatus.Ready));
        var created = enrollment.Count(dryRun ? RowStatus.Ready : RowStatus.Created);
        await cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{(dryRun ? "dry run" : "enroll")}: {enrollment.Done} users of the {selection} in {enrollment.Elapsed.TotalSeconds:F1} s: {RowStatus.Tally(statuses, enrollment.Count)}; " +
            $"{pacer.Requests} requests{(created > 0 ? $" ({pacer.Requests / (double)created:F2} per {(dryRun ? "ready" : "created")} user)" : string.Empty)}, 429 answers {pacer.Throttles}.{(dryRun ? " Nothing was created." : string.Empty)} Results: {resultsPath}")).ConfigureAwait(false);
        foreach (var row in problems)
            await cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  user {row.Line} ({row.UserId}): {row.Status}: {row.Detail}")).ConfigureAwait(false);
        if (problemCount > problems.Count)
            await cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  ... and {problemCount - problems.Count} more in {resultsPath}")).ConfigureAwait(false);
        return EnrollCommand.ExitCode(enrollment.Count);
    }
}
