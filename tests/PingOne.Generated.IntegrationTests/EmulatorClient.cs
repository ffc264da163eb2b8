using Newtonsoft.Json.Linq;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.IntegrationTests;

/// <summary>
/// What the tests need around <c>new PingOneMfaClient(emulator.ClientOptions())</c>: options changed before
/// the client is built, and a token from the emulator for tests that send raw requests.
/// </summary>
internal static class EmulatorClient
{
    /// <summary>The emulator's client options, changed by <paramref name="configure"/>.</summary>
    public static PingOneMfaClientOptions Options(PingOneEmulator emulator, Action<PingOneMfaClientOptions> configure)
    {
        var options = emulator.ClientOptions();
        configure(options);
        return options;
    }

    /// <summary>A token for the seed worker app, straight from the emulator's token endpoint.</summary>
    public static async Task<string> TokenAsync(PingOneEmulator emulator)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(emulator.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = EmulatorSeed.ClientId,
            ["client_secret"] = EmulatorSeed.ClientSecret,
        }));
        response.EnsureSuccessStatusCode();
        return JObject.Parse(await response.Content.ReadAsStringAsync())["access_token"]!.Value<string>()!;
    }
}
