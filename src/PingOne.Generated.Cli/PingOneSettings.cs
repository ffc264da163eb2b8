using System.CommandLine;

namespace PingOne.Generated.Cli;

/// <summary>
/// Where and as whom to call PingOne: from options, else from <c>PINGONE_*</c> environment variables; or,
/// with <c>--emulator</c> and nothing else, the embedded emulator. With neither, the command stops.
/// </summary>
internal sealed class PingOneSettings
{
    public static readonly Option<string?> Region = new("--pingone-region") { Description = "PingOne region: NA, CA, EU, AU, SG, AP [env PINGONE_REGION]." };
    public static readonly Option<string?> Environment = new("--environment") { Description = "Environment id [env PINGONE_ENVIRONMENT_ID]." };
    public static readonly Option<string?> ClientId = new("--client-id") { Description = "Worker app client id [env PINGONE_CLIENT_ID]." };
    public static readonly Option<string?> ClientSecret = new("--client-secret") { Description = "Worker app client secret [env PINGONE_CLIENT_SECRET]." };
    public static readonly Option<string?> AccessToken = new("--access-token") { Description = "An access token you already hold, instead of a client id and secret [env PINGONE_ACCESS_TOKEN]." };
    public static readonly Option<string?> ApiUrl = new("--api-url") { Description = "Custom API base URL; http only on loopback [env PINGONE_API_URL]." };
    public static readonly Option<string?> AuthUrl = new("--auth-url") { Description = "Custom authorization base URL; http only on loopback [env PINGONE_AUTH_URL]." };

    public static readonly Option<bool> Emulator = new("--emulator")
    {
        Description = "Start an empty embedded PingOne emulator for this command only and run against it (--user and --policy default to its seed ids); what the command creates there is gone when it ends (for an emulator that lasts, run pingone-voice emulator). PINGONE_* variables are then ignored; PingOne options are an error.",
    };

    // Each setting: its option and its environment variable, in the order the messages name them.
    private static readonly (Option<string?> Option, string Variable)[] Settings =
    {
        (Environment, "PINGONE_ENVIRONMENT_ID"),
        (ClientId, "PINGONE_CLIENT_ID"),
        (ClientSecret, "PINGONE_CLIENT_SECRET"),
        (AccessToken, "PINGONE_ACCESS_TOKEN"),
        (Region, "PINGONE_REGION"),
        (ApiUrl, "PINGONE_API_URL"),
        (AuthUrl, "PINGONE_AUTH_URL"),
    };

    /// <summary>The one line a command prints when it has neither PingOne settings nor <c>--emulator</c>.</summary>
    public const string NoSettingsMessage =
        "No PingOne settings given: set PINGONE_ENVIRONMENT_ID with PINGONE_CLIENT_ID + PINGONE_CLIENT_SECRET or PINGONE_ACCESS_TOKEN " +
        "(optionally PINGONE_REGION, PINGONE_API_URL, PINGONE_AUTH_URL), or the options --environment, --client-id, --client-secret, --access-token, " +
        "--pingone-region, --api-url, --auth-url; or add --emulator to run against the embedded emulator.";

    /// <summary>Every option about where PingOne is, plus <c>--emulator</c>: the same on every command that talks to PingOne.</summary>
    public static IEnumerable<Option> All => Settings.Select(s => (Option)s.Option).Append(Emulator);

    public bool UseEmulator { get; private init; }

    /// <summary>With <c>--emulator</c>: the <c>PINGONE_*</c> variables that are set and ignored.</summary>
    public IReadOnlyList<string> IgnoredVariables { get; private init; } = Array.Empty<string>();

    public string? RegionValue { get; private init; }
    public string? EnvironmentId { get; private init; }
    public string? ClientIdValue { get; private init; }
    public string? ClientSecretValue { get; private init; }
    public string? AccessTokenValue { get; private init; }
    public string? ApiUrlValue { get; private init; }
    public string? AuthUrlValue { get; private init; }

    /// <summary>Reads the settings of a command that is about to talk to PingOne.</summary>
    /// <exception cref="UsageException"><c>--emulator</c> is combined with PingOne options.</exception>
    /// <exception cref="PingOneConfigurationException">Neither PingOne settings nor <c>--emulator</c> were given.</exception>
    public static PingOneSettings From(ParseResult result, Func<string, string?> environment) =>
        TryFrom(result, environment) ?? throw new PingOneConfigurationException(NoSettingsMessage);

    /// <summary>Reads the settings of a command that may also run without PingOne (<c>enroll --dry-run</c>).</summary>
    /// <returns>The settings, or <see langword="null"/> when neither PingOne settings nor <c>--emulator</c> were given.</returns>
    /// <exception cref="UsageException"><c>--emulator</c> is combined with PingOne options.</exception>
    public static PingOneSettings? TryFrom(ParseResult result, Func<string, string?> environment)
    {
        if (result.GetValue(Emulator))
        {
            var given = Settings.Where(s => Given(result.GetValue(s.Option))).Select(s => s.Option.Name).ToList();
            if (given.Count > 0)
                throw new UsageException($"--emulator cannot be combined with {string.Join(", ", given)}: the embedded emulator brings its own settings. Drop {(given.Count == 1 ? "that option" : "those options")}, or drop --emulator to call PingOne.");
            return new PingOneSettings
            {
                UseEmulator = true,
                IgnoredVariables = Settings.Select(s => s.Variable).Where(v => Given(environment(v))).ToList(),
            };
        }

        // Credentials are one group: any of them on the command line replaces all of them from the environment.
        var credentialsFromOptions = Given(result.GetValue(ClientId)) || Given(result.GetValue(ClientSecret)) || Given(result.GetValue(AccessToken));
        string? Value(Option<string?> option, string variable, bool isCredential = false) =>
            result.GetValue(option) is { } value && Given(value) ? value : isCredential && credentialsFromOptions ? null : environment(variable);

        var settings = new PingOneSettings
        {
            RegionValue = Value(Region, "PINGONE_REGION"),
            EnvironmentId = Value(Environment, "PINGONE_ENVIRONMENT_ID"),
            ClientIdValue = Value(ClientId, "PINGONE_CLIENT_ID", isCredential: true),
            ClientSecretValue = Value(ClientSecret, "PINGONE_CLIENT_SECRET", isCredential: true),
            AccessTokenValue = Value(AccessToken, "PINGONE_ACCESS_TOKEN", isCredential: true),
            ApiUrlValue = Value(ApiUrl, "PINGONE_API_URL"),
            AuthUrlValue = Value(AuthUrl, "PINGONE_AUTH_URL"),
        };
        return settings.IsEmpty ? null : settings;
    }

    /// <summary>The client options these settings describe; http is allowed only for loopback URLs.</summary>
    /// <exception cref="PingOneConfigurationException">A setting is missing or cannot be used; the message names its option and variable.</exception>
    public PingOneMfaClientOptions ToClientOptions()
    {
        var problems = new List<string>();
        // Every rule the client checks, checked here first so that the message names options and variables, not configuration keys.
        if (!Given(EnvironmentId)) problems.Add("The environment id is required: --environment or PINGONE_ENVIRONMENT_ID.");
        else if (!Ids.IsId(EnvironmentId!.Trim())) problems.Add($"--environment / PINGONE_ENVIRONMENT_ID must be a PingOne id: a UUID such as {Ids.Example}.");
        if (Given(AccessTokenValue))
        {
            if (Given(ClientIdValue) || Given(ClientSecretValue))
                problems.Add("Give either an access token (--access-token, PINGONE_ACCESS_TOKEN) or a client id and secret (--client-id, --client-secret, PINGONE_CLIENT_ID, PINGONE_CLIENT_SECRET), not both.");
        }
        else if (!Given(ClientIdValue) || !Given(ClientSecretValue))
        {
            problems.Add("Credentials are required: --client-id and --client-secret (PINGONE_CLIENT_ID, PINGONE_CLIENT_SECRET), or --access-token (PINGONE_ACCESS_TOKEN).");
        }

        var options = new PingOneMfaClientOptions
        {
            EnvironmentId = EnvironmentId?.Trim(),
            ClientId = ClientIdValue?.Trim(),
            ClientSecret = ClientSecretValue,
            AccessToken = AccessTokenValue?.Trim(),
        };
        if (Given(RegionValue))
        {
            try { options.Region = PingOneRegion.Parse(RegionValue!); }
            catch (ArgumentException) { problems.Add($"--pingone-region / PINGONE_REGION '{RegionValue}' is not a PingOne region: use NA, CA, EU, AU, SG or AP."); }
        }
        options.ApiBaseAddress = Url(ApiUrlValue, "--api-url / PINGONE_API_URL", problems);
        options.AuthBaseAddress = Url(AuthUrlValue, "--auth-url / PINGONE_AUTH_URL", problems);
        options.AllowHttpOnLoopback = IsHttpLoopback(options.ApiBaseAddress) || IsHttpLoopback(options.AuthBaseAddress);
        if (problems.Count > 0) throw new PingOneConfigurationException(problems);
        return options;
    }

    private bool IsEmpty => new[] { RegionValue, EnvironmentId, ClientIdValue, ClientSecretValue, AccessTokenValue, ApiUrlValue, AuthUrlValue }.All(v => !Given(v));

    private static bool Given(string? value) => !string.IsNullOrWhiteSpace(value);

    private static bool IsHttpLoopback(Uri? address) => address is { Scheme: "http", IsLoopback: true };

    private static Uri? Url(string? value, string setting, List<string> problems)
    {
        if (!Given(value)) return null;
        if (!Uri.TryCreate(value!.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{setting} '{value}' is not an absolute https URL.");
            return null;
        }
        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            problems.Add($"{setting} must be a base URL without a user name, query or fragment, such as https://api.pingone.com/v1/.");
            return null;
        }
        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            problems.Add($"{setting} '{value}' must use https (http is accepted only on loopback, for local servers).");
            return null;
        }
        return uri;
    }
}
