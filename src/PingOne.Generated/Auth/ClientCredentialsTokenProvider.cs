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
    internal sealed class ClientCredentialsTokenProvider : IAccessTokenProvider, ITokenCache, IDisposable
    {
        // Refresh this long before expiry (or at half the lifetime, for short-lived tokens), so no request leaves with a token about to die.
        private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(1);

        private readonly HttpClient _httpClient;
        private readonly Uri _tokenEndpoint;
        private readonly string _clientId;
        private readonly string _clientSecret;
        private readonly TokenEndpointAuthMethod _authMethod;
        private readonly TimeProvider _timeProvider;
        private readonly SemaphoreSlim _refresh = new(1, 1);
        private CachedToken? _cached;

        /// <param name="httpClient">The client that calls the token endpoint; it is not disposed by the provider.</param>
        /// <param name="options">The environment, client id and secret, auth base address and auth method (already validated).</param>
        /// <param name="apiHosts">Where the tokens may be sent.</param>
        /// <param name="timeProvider">The clock deciding when a token expires.</param>
        public ClientCredentialsTokenProvider(HttpClient httpClient, PingOneMfaClientOptions options, HostPolicy apiHosts, TimeProvider timeProvider)
        {
            _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
            _clientId = options.ClientId!;
            _clientSecret = options.ClientSecret!;
            _authMethod = options.TokenEndpointAuthMethod;
            _timeProvider = timeProvider;
            _tokenEndpoint = new Uri(options.EffectiveAuthBaseAddress, Uri.EscapeDataString(options.EnvironmentId!.Trim()) + "/as/token");
            new HostPolicy(new[] { options.EffectiveAuthBaseAddress }, options.AllowHttpOnLoopback).EnsureAllowed(_tokenEndpoint);
            AllowedHostsValidator = new AllowedHostsValidator(apiHosts.Hosts);
        }

        /// <summary>The token endpoint this provider posts to.</summary>
        public Uri TokenEndpoint => _tokenEndpoint;

        /// <summary>The hosts tokens are handed out for: the API host of the options. Never empty.</summary>
        public AllowedHostsValidator AllowedHostsValidator { get; }

        /// <inheritdoc />
        /// <exception cref="PingOneException">The token endpoint refused the credentials, answered with no token, or could not be reached.</exception>
        public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            // The authentication handler has checked the address (HostPolicy) before it asks.
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
            HttpResponseMessage response;
            string body;
            try
            {
                response = await _httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
                body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            }
            catch (Exception failure) when (Failures.Translate(failure, cancellationToken) is { } noAnswer && noAnswer.Status == 0)
            {
                // Nothing reached the API: say so, so a create is never reported as possibly done.
                throw PingOneException.NoAnswer(noAnswer.Kind, failure, fromTokenEndpoint: true);
            }
            using var _ = response;
            var json = TryParseObject(body);
            if (!response.IsSuccessStatusCode)
                throw PingOneException.FromTokenEndpointAnswer((int)response.StatusCode, ErrorOf(json), ResponseHeaders.Of(response));

            // A malformed answer is the token endpoint's failure, never a FormatException or InvalidCastException.
            var accessToken = json?["access_token"] is JValue { Type: JTokenType.String } tokenValue ? (string?)tokenValue : null;
            if (string.IsNullOrEmpty(accessToken))
                throw PingOneException.FromTokenEndpointAnswer((int)response.StatusCode, new PingOneError { Code = "invalid_response", Message = "The token response has no access_token" }, ResponseHeaders.Of(response));
            var lifetime = LifetimeOf(json!["expires_in"]);
            var margin = TimeSpan.FromTicks(Math.Min(RefreshMargin.Ticks, lifetime.Ticks / 2));
            return new CachedToken(accessToken!, requestedAt + lifetime - margin);
        }

        // expires_in is seconds; a missing, non-numeric, negative or absurd value falls back to an hour, capped at a day.
        private static TimeSpan LifetimeOf(JToken? expiresIn)
        {
            var seconds = expiresIn?.Type switch
            {
                JTokenType.Integer or JTokenType.Float => (double)expiresIn,
                JTokenType.String when double.TryParse((string?)expiresIn, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => 3600,
            };
            if (double.IsNaN(seconds) || seconds < 0) seconds = 0;
            return TimeSpan.FromSeconds(Math.Min(seconds, 86400));
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
