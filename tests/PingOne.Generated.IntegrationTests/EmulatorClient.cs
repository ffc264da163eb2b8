using PingOne.Generated;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.IntegrationTests;

/// <summary>A library client wired to an emulator exactly as a service would wire it to PingOne: real token flow over loopback HTTP.</summary>
internal sealed class EmulatorClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly ClientCredentialsTokenProvider _tokens;

    public EmulatorClient(PingOneEmulator emulator, Action<PingOneMfaClientOptions>? configure = null)
    {
        Options = emulator.ClientOptions();
        configure?.Invoke(Options);
        _tokens = new ClientCredentialsTokenProvider(new HttpClient(), Options);
        _http = new HttpClient(new PingOneAuthenticationHandler(_tokens, allowHttpOnLoopback: true) { InnerHandler = new SocketsHttpHandler() });
        Client = new PingOneMfaClient(_http, Options);
    }

    public PingOneMfaClientOptions Options { get; }

    public PingOneMfaClient Client { get; }

    public Task<string> TokenAsync() => _tokens.GetAuthorizationTokenAsync(Options.EffectiveApiBaseAddress);

    public void Dispose()
    {
        _http.Dispose();
        _tokens.Dispose();
    }
}
