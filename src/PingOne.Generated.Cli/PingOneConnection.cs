using PingOne.Generated.Emulator;

namespace PingOne.Generated.Cli;

/// <summary>
/// A ready <see cref="PingOneMfaClient"/>, built the one way the library offers (<c>new PingOneMfaClient(options)</c>),
/// and the embedded emulator when <c>--emulator</c> asked for it. Disposes what it created.
/// </summary>
internal sealed class PingOneConnection : IAsyncDisposable
{
    private readonly HttpMessageHandler? _transport;
    private readonly PingOneEmulator? _emulator;

    private PingOneConnection(PingOneMfaClient client, string environmentId, Uri apiAddress, HttpMessageHandler? transport, PingOneEmulator? emulator)
    {
        Client = client;
        EnvironmentId = environmentId;
        ApiAddress = apiAddress;
        _transport = transport;
        _emulator = emulator;
    }

    public PingOneMfaClient Client { get; }

    public string EnvironmentId { get; }

    /// <summary>The API base address the client sends to (ends with a slash).</summary>
    public Uri ApiAddress { get; }

    /// <summary>Whether this runs against the embedded emulator and its seed data.</summary>
    public bool IsEmulated => _emulator is not null;

    /// <summary>Opens a connection for one command.</summary>
    /// <param name="settings">Where PingOne is, or <c>--emulator</c>.</param>
    /// <param name="phone">How the client reads phone numbers.</param>
    /// <param name="cli">Where the emulator notice goes.</param>
    /// <param name="cancellationToken">Cancels starting the emulator.</param>
    /// <param name="configure">Changes to the client options (e.g. safe retries).</param>
    /// <param name="observer">
    /// Makes a handler that sees every request and answer (API and token endpoint, given the API base address) before
    /// the client's retries do; it becomes the head of the client's transport over a network handler this connection owns.
    /// </param>
    /// <exception cref="PingOneConfigurationException">The settings cannot be used.</exception>
    public static async Task<PingOneConnection> OpenAsync(PingOneSettings settings, PhoneNormalizationOptions phone, CliContext cli, CancellationToken cancellationToken,
        Action<PingOneMfaClientOptions>? configure = null, Func<Uri, DelegatingHandler>? observer = null)
    {
        PingOneEmulator? emulator = null;
        HttpMessageHandler? transport = null;
        try
        {
            PingOneMfaClientOptions options;
            if (settings.UseEmulator)
            {
                if (settings.IgnoredVariables.Count > 0)
                    await cli.NoteAsync($"--emulator: ignoring {string.Join(", ", settings.IgnoredVariables)} from the environment.").ConfigureAwait(false);
                emulator = await PingOneEmulator.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                options = emulator.ClientOptions();
                await cli.NoteAsync($"--emulator: using the embedded emulator at {emulator.BaseAddress}, started empty for this command only: what it creates is gone when the command ends (environment {EmulatorSeed.EnvironmentId}, user {EmulatorSeed.UserId}, policy {EmulatorSeed.PolicyId}).").ConfigureAwait(false);
            }
            else
            {
                options = settings.ToClientOptions();
            }
            options.PhoneNormalization = phone;
            configure?.Invoke(options);
            if (observer is not null)
            {
                // The client does not dispose a transport it is given: this connection does.
                var head = observer(options.EffectiveApiBaseAddress);
                head.InnerHandler = PingOneMfaClientOptions.CreateDefaultTransport();
                transport = head;
                options.Transport = transport;
            }
            return new PingOneConnection(new PingOneMfaClient(options), options.EnvironmentId!, options.EffectiveApiBaseAddress, transport, emulator);
        }
        catch
        {
            transport?.Dispose();
            if (emulator is not null) await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _transport?.Dispose();
        if (_emulator is not null) await _emulator.DisposeAsync().ConfigureAwait(false);
    }
}
