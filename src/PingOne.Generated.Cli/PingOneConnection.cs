using Microsoft.Kiota.Abstractions.Authentication;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.Cli;

/// <summary>A ready <see cref="PingOneMfaClient"/>, and the embedded emulator when no PingOne settings were given.</summary>
internal sealed class PingOneConnection : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly PingOneEmulator? _emulator;

    private PingOneConnection(PingOneMfaClient client, HttpClient http, string environmentId, PingOneEmulator? emulator)
    {
        Client = client;
        _http = http;
        EnvironmentId = environmentId;
        _emulator = emulator;
    }

    public PingOneMfaClient Client { get; }

    public string EnvironmentId { get; }

    /// <summary>Whether this runs against the embedded emulator and its seed data.</summary>
    public bool IsEmulated => _emulator is not null;

    public static async Task<PingOneConnection> OpenAsync(PingOneSettings settings, PhoneNormalizationOptions phone, TextWriter stderr, CancellationToken cancellationToken,
        Action<PingOneMfaClientOptions>? configure = null, DelegatingHandler? observer = null)
    {
        PingOneEmulator? emulator = null;
        PingOneMfaClientOptions options;
        if (settings.IsEmpty)
        {
            emulator = await PingOneEmulator.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            options = emulator.ClientOptions();
            await stderr.WriteLineAsync($"pingone-voice: no PingOne settings given; using the embedded emulator at {emulator.BaseAddress} (environment {EmulatorSeed.EnvironmentId}, user {EmulatorSeed.UserId}, policy {EmulatorSeed.PolicyId}).").ConfigureAwait(false);
        }
        else
        {
            options = settings.ToClientOptions();
        }
        options.PhoneNormalization = phone;
        configure?.Invoke(options);
        if (string.IsNullOrWhiteSpace(options.EnvironmentId))
            throw new ArgumentException("The environment id is required: --environment or PINGONE_ENVIRONMENT_ID.");

        IAccessTokenProvider tokens = string.IsNullOrWhiteSpace(options.AccessToken)
            ? new ClientCredentialsTokenProvider(new HttpClient(), options)
            : new StaticAccessTokenProvider(options.AccessToken!, options.EffectiveApiBaseAddress, options.AllowHttpOnLoopback);
        HttpMessageHandler network = new SocketsHttpHandler();
        if (observer is not null)
        {
            observer.InnerHandler = network;
            network = observer;
        }
        var http = new HttpClient(new PingOneAuthenticationHandler(tokens, options.AllowHttpOnLoopback) { InnerHandler = network });
        return new PingOneConnection(new PingOneMfaClient(http, options), http, options.EnvironmentId!, emulator);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_emulator is not null) await _emulator.DisposeAsync().ConfigureAwait(false);
    }
}
