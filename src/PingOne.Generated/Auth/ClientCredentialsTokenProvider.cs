using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions.Authentication;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PingOne.Generated
{
    /// <summary>
    /// Gets worker-app tokens with the OAuth 2.0 client-credentials grant from
    /// <c>{auth}/{environmentId}/as/token</c> and caches each until shortly before it expires. Concurrent
    /// callers share one token request. Thread-safe; keep one per worker app.
    /// </summary>
    public sealed class ClientCredentialsTokenProvider : IAccessTokenProvider, ITokenCache, IDisposable
    {
        // Refresh this long before expiry (or at half the lifetime, for short-lived tokens), so no request leaves with a token about to die.
        private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(1);

        private readonly HttpClient _httpClient;
        private readonly Uri _tokenEndpoint;
        private readonly string _clientId;
        private readonly string _clientSecret;
        private readonly TokenEndpointAuthMethod _authMethod;
        private readonly bool _allowHttpOnLoopback;
        private readonly TimeProvider _timeProvider;
        private readonly SemaphoreSlim _refresh = new(1, 1);
        private CachedToken? _cached;

        /// <summary>Creates the provider.</summary>
        /// <param name="httpClient">The client that calls the token endpoint; it is not disposed by the provider.</param>
        /// <param name="options">The environment, client id and secret, auth base address, auth method and API host.</param>
        /// <param name="timeProvider">The clock deciding when a token expires; <see langword="null"/> for the system clock.</param>
        /// <exception cref="ArgumentException">The environment id, client id or client secret is missing.</exception>
        public ClientCredentialsTokenProvider(HttpClient httpClient, PingOneMfaClientOptions options, TimeProvider? timeProvider = null)
        {
            _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
            if (options is null) throw new ArgumentNullException(nameof(options));
            if (string.IsNullOrWhiteSpace(options.EnvironmentId)) throw new ArgumentException("PingOne:EnvironmentId is required to request a token.", nameof(options));
            if (string.IsNullOrWhiteSpace(options.ClientId)) throw new ArgumentException("PingOne:ClientId is required to request a token.", nameof(options));
            if (string.IsNullOrEmpty(options.ClientSecret)) throw new ArgumentException("PingOne:ClientSecret is required to request a token.", nameof(options));
            _clientId = options.ClientId!;
            _clientSecret = options.ClientSecret!;
            _authMethod = options.TokenEndpointAuthMethod;
            _allowHttpOnLoopback = options.AllowHttpOnLoopback;
            _timeProvider = timeProvider ?? TimeProvider.System;
            _tokenEndpoint = new Uri(options.EffectiveAuthBaseAddress, Uri.EscapeDataString(options.EnvironmentId!.Trim()) + "/as/token");
            HostPolicy.EnsureAllowed(_tokenEndpoint, HostPolicy.ForHosts(_tokenEndpoint), _allowHttpOnLoopback);
            AllowedHostsValidator = HostPolicy.ForHosts(options.EffectiveApiBaseAddress);
        }

        /// <summary>The token endpoint this provider posts to.</summary>
        public Uri TokenEndpoint => _tokenEndpoint;

        /// <summary>The hosts tokens are handed out for: the API host of the options. Never empty.</summary>
        public AllowedHostsValidator AllowedHostsValidator { get; }

        /// <inheritdoc />
        /// <exception cref="InvalidOperationException">The URI's host is not allowed, or it is not https.</exception>
        /// <exception cref="PingOneException">The token endpoint refused the credentials or answered with no token.</exception>
        public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            HostPolicy.EnsureAllowed(uri, AllowedHostsValidator, _allowHttpOnLoopback);
            if (Fresh(_cached) is { } token) return token;
            await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (Fresh(_cached) is { } refreshed) return refreshed;
                var cached = await RequestTokenAsync(cancellationToken).ConfigureAwait(false);
                _cached = cached;
                return cached.Value;
            }
            finally
            {
                _refresh.Release();
            }
        }

        /// <summary>Forgets the cached token if it is the one PingOne rejected, so the next call gets a new one.</summary>
        /// <param name="rejectedToken">The token a request was refused with.</param>
        void ITokenCache.Invalidate(string rejectedToken)
        {
            var cached = _cached;
            if (cached is not null && cached.Value == rejectedToken) Interlocked.CompareExchange(ref _cached, null, cached);
        }

        /// <inheritdoc />
        public void Dispose() => _refresh.Dispose();

        private string? Fresh(CachedToken? cached) => cached is not null && _timeProvider.GetUtcNow() < cached.RefreshAt ? cached.Value : null;

        private async Task<CachedToken> RequestTokenAsync(CancellationToken cancellationToken)
        {
            var fields = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
            using var request = new HttpRequestMessage(HttpMethod.Post, _tokenEndpoint);
            if (_authMethod == TokenEndpointAuthMethod.ClientSecretPost)
            {
                fields.Add(new("client_id", _clientId));
                fields.Add(new("client_secret", _clientSecret));
            }
            else
            {
                // RFC 6749 §2.3.1: both parts are form-encoded before they are joined and base64-encoded.
                var credentials = Uri.EscapeDataString(_clientId) + ":" + Uri.EscapeDataString(_clientSecret);
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
            }
            request.Content = new FormUrlEncodedContent(fields);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

            var requestedAt = _timeProvider.GetUtcNow();
            using var response = await _httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            var json = TryParseObject(body);
            if (!response.IsSuccessStatusCode)
                throw PingOneException.FromTokenEndpoint((int)response.StatusCode, ErrorOf(json), ResponseHeaders.Of(response));

            var accessToken = json?.Value<string>("access_token");
            if (string.IsNullOrEmpty(accessToken))
                throw PingOneException.FromTokenEndpoint((int)response.StatusCode, new PingOneError { Code = "invalid_response", Message = "The token response has no access_token" }, ResponseHeaders.Of(response));
            var lifetime = TimeSpan.FromSeconds(Math.Max(0, json!.Value<double?>("expires_in") ?? 3600));
            var margin = TimeSpan.FromTicks(Math.Min(RefreshMargin.Ticks, lifetime.Ticks / 2));
            return new CachedToken(accessToken!, requestedAt + lifetime - margin);
        }

        private static JObject? TryParseObject(string body)
        {
            try
            {
                return JToken.Parse(body) as JObject;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        // OAuth endpoints answer {error, error_description}; other PingOne failures use the platform's error shape.
        private static PingOneError? ErrorOf(JObject? json)
        {
            if (json is null) return null;
            if (json.Value<string>("error") is { } error) return new PingOneError { Code = error, Message = json.Value<string>("error_description") };
            return json.Value<string>("code") is null ? null : json.ToObject<PingOneError>();
        }

        private sealed class CachedToken
        {
            public CachedToken(string value, DateTimeOffset refreshAt)
            {
                Value = value;
                RefreshAt = refreshAt;
            }

            public string Value { get; }

            public DateTimeOffset RefreshAt { get; }
        }
    }
}
