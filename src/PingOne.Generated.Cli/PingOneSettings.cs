using System.CommandLine;

namespace PingOne.Generated.Cli;

/// <summary>
/// Where and as whom to call PingOne: from options, else from <c>PINGONE_*</c> environment variables.
/// With none at all, the embedded emulator is used.
/// </summary>
internal sealed class PingOneSettings
{
    public static readonly Option<string?> Region = new("--pingone-region") { Description = "PingOne region: NA, CA, EU, AU, SG, AP [env PINGONE_REGION]." };
    public static readonly Option<string?> Environment = new("--environment") { Description = "Environment id [env PINGONE_ENVIRONMENT_ID]." };
    public static readonly Option<string?> ClientId = new("--client-id") { Description = "Worker app client id [env PINGONE_CLIENT_ID]." };
    public static readonly Option<string?> ClientSecret = new("--client-secret") { Description = "Worker app client secret [env PINGONE_CLIENT_SECRET]." };
    public static readonly Option<string?> AccessToken = new("--access-token") { Description = "An access token you already hold [env PINGONE_ACCESS_TOKEN]." };
    public static readonly Option<string?> ApiUrl = new("--api-url") { Description = "Custom API base URL; http is allowed on loopback [env PINGONE_API_URL]." };
    public static readonly Option<string?> AuthUrl = new("--auth-url") { Description = "Custom authorization base URL [env PINGONE_AUTH_URL]." };

    public static IEnumerable<Option> All => new Option[] { Region, Environment, ClientId, ClientSecret, AccessToken, ApiUrl, AuthUrl };

    public string? RegionValue { get; private init; }
    public string? EnvironmentId { get; private init; }
    public string? ClientIdValue { get; private init; }
    public string? ClientSecretValue { get; private init; }
    public string? AccessTokenValue { get; private init; }
    public string? ApiUrlValue { get; private init; }
    public string? AuthUrlValue { get; private init; }

    /// <summary>No PingOne setting was given at all: the embedded emulator stands in.</summary>
    public bool IsEmpty => new[] { RegionValue, EnvironmentId, ClientIdValue, ClientSecretValue, AccessTokenValue, ApiUrlValue, AuthUrlValue }.All(string.IsNullOrWhiteSpace);

    public static PingOneSettings From(ParseResult result, Func<string, string?> environment) => new()
    {
        RegionValue = result.GetValue(Region) ?? environment("PINGONE_REGION"),
        EnvironmentId = result.GetValue(Environment) ?? environment("PINGONE_ENVIRONMENT_ID"),
        ClientIdValue = result.GetValue(ClientId) ?? environment("PINGONE_CLIENT_ID"),
        ClientSecretValue = result.GetValue(ClientSecret) ?? environment("PINGONE_CLIENT_SECRET"),
        AccessTokenValue = result.GetValue(AccessToken) ?? environment("PINGONE_ACCESS_TOKEN"),
        ApiUrlValue = result.GetValue(ApiUrl) ?? environment("PINGONE_API_URL"),
        AuthUrlValue = result.GetValue(AuthUrl) ?? environment("PINGONE_AUTH_URL"),
    };

    /// <summary>The client options these settings describe; http is allowed only for loopback URLs.</summary>
    /// <exception cref="ArgumentException">A region or URL is not valid.</exception>
    public PingOneMfaClientOptions ToClientOptions()
    {
        var options = new PingOneMfaClientOptions
        {
            EnvironmentId = EnvironmentId,
            ClientId = ClientIdValue,
            ClientSecret = ClientSecretValue,
            AccessToken = AccessTokenValue,
        };
        if (!string.IsNullOrWhiteSpace(RegionValue)) options.Region = PingOneRegion.Parse(RegionValue);
        if (!string.IsNullOrWhiteSpace(ApiUrlValue)) options.ApiBaseAddress = Url(ApiUrlValue, "--api-url");
        if (!string.IsNullOrWhiteSpace(AuthUrlValue)) options.AuthBaseAddress = Url(AuthUrlValue, "--auth-url");
        options.AllowHttpOnLoopback = IsHttpLoopback(options.ApiBaseAddress) || IsHttpLoopback(options.AuthBaseAddress);
        return options;
    }

    private static bool IsHttpLoopback(Uri? address) => address is { Scheme: "http", IsLoopback: true };

    private static Uri Url(string value, string option) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : throw new ArgumentException($"{option} '{value}' is not an absolute URL.");
}
