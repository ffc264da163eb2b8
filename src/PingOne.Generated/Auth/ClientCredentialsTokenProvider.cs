using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
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
    /// callers share one token request and its outcome, a failure included: a failing token endpoint gets one
    /// request per wave of callers, not one per caller. Thread-safe; keep one per worker app.
    /// </summary>
    internal sealed class ClientCredentialsTokenProvider : IAccessTokenProvider, ITokenCache
    {
        // Refresh this long before expiry (or at half the lifetime, for short-lived tokens), so no request leaves with a token about to die.
        private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(1);

        private readonly HttpClient _httpClient;
        private readonly Uri _tokenEndpoint;
        private readonly string _clientId;
        private readonly string _clientSecret;
        private readonly TokenEndpointAuthMethod _authMethod;
        private readonly TimeProvider _timeProvider;
        private readonly KnownSecrets _secrets;
        private readonly object _gate = new();
        private CachedToken? _cached;
        private Task<CachedToken>? _pending;

        /// <param name="httpClient">The client that calls the token endpoint; it is not disposed by the provider.</param>
        /// <param name="options">The environment, client id and secret, auth base address and auth method (already validated).</param>
        /// <param name="apiHosts">Where the tokens may be sent.</param>
        /// <param name="timeProvider">The clock deciding when a token expires.</param>
        /// <param name="secrets">The client's credentials to mask: told the secret now and each token as it arrives.</param>
        public ClientCredentialsTokenProvider(HttpClient httpClient, PingOneMfaClientOptions options, HostPolicy apiHosts, TimeProvider timeProvider, KnownSecrets secrets)
        {
            _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
            _clientId = options.ClientId!;
            _clientSecret = options.ClientSecret!;
            _authMethod = options.TokenEndpointAuthMethod;
            _timeProvider = timeProvider;
            _secrets = secrets;
            _secrets.RememberClientCredentials(_clientId, _clientSecret);
            _tokenEndpoint = new Uri(options.EffectiveAuthBaseAddress, options.EnvironmentId + "/as/token"); // a UUID (validated)
            new HostPolicy(new[] { options.EffectiveAuthBaseAddress }, options.AllowHttpOnLoopback).EnsureAllowed(_tokenEndpoint);
            AllowedHostsValidator = new AllowedHostsValidator(apiHosts.Hosts);
        }

        /// <summary>The token endpoint this provider posts to.</summary>
        public Uri TokenEndpoint => _tokenEndpoint;

        /// <summary>The hosts tokens are handed out for: the API host of the options. Never empty.</summary>
        public AllowedHostsValidator AllowedHostsValidator { get; }

        /// <inheritdoc />
        /// <exception cref="PingOneException">The token endpoint refused the credentials, answered with no token, or could not be reached.</exception>
        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            // The authentication handler has checked the address (HostPolicy) before it asks. Nearly every request finds the
            // token cached: it gets the cached token's completed task, with no async method, task or state machine of its own.
            var cached = _cached;
            return cached is not null && IsFresh(cached) ? cached.AsTask : GetOrRefreshAsync(cancellationToken);
        }

        // The caller found no fresh token; another caller may have cached one since, which the check under the lock sees.
        private async Task<string> GetOrRefreshAsync(CancellationToken cancellationToken)
        {
            Task<CachedToken> pending;
            lock (_gate)
            {
                if (Fresh(_cached) is { } refreshed) return refreshed;
                // One request for everyone waiting now; whoever comes after it has ended (either way) starts the next.
                if (_pending is null || _pending.IsCompleted) _pending = RefreshAsync();
                pending = _pending;
            }
            // A caller's cancellation ends its own wait, not the request the others share.
            return (await WaitAsync(pending, cancellationToken).ConfigureAwait(false)).Value;
        }

        /// <summary>Forgets the cached token if it is the one PingOne rejected, so the next call gets a new one.</summary>
        /// <param name="rejectedToken">The token a request was refused with.</param>
        void ITokenCache.Invalidate(string rejectedToken)
        {
            var cached = _cached;
            if (cached is not null && cached.Value == rejectedToken) Interlocked.CompareExchange(ref _cached, null, cached);
        }

        private async Task<CachedToken> RefreshAsync()
        {
            CachedToken cached;
            try
            {
                cached = await RequestTokenAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception failure)
            {
                ClientTelemetry.TokenRequested(failure);
                throw;
            }
            ClientTelemetry.TokenRequested(null);
            _cached = cached;
            return cached;
        }

        private static Task<T> WaitAsync<T>(Task<T> task, CancellationToken cancellationToken)
        {
#if NET8_0_OR_GREATER
            return task.WaitAsync(cancellationToken);
#else
            return !cancellationToken.CanBeCanceled || task.IsCompleted ? task : WaitSlowAsync(task, cancellationToken);

            static async Task<T> WaitSlowAsync(Task<T> task, CancellationToken cancellationToken)
            {
                var cancelled = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
                using (cancellationToken.Register(() => cancelled.TrySetCanceled(cancellationToken)))
                    return await (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false)).ConfigureAwait(false);
            }
#endif
        }

        private string? Fresh(CachedToken? cached) => cached is not null && IsFresh(cached) ? cached.Value : null;

        private bool IsFresh(CachedToken cached) => _timeProvider.GetUtcNow() < cached.RefreshAt;

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
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", KnownSecrets.BasicCredentials(_clientId, _clientSecret));
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
            catch (Exception failure) when (Failures.Translate(failure, cancellationToken, _secrets) is { } noAnswer && noAnswer.Status == 0)
            {
                // Nothing reached the API: say so, so a create is never reported as possibly done.
                throw PingOneException.NoAnswer(noAnswer.Kind, failure, fromTokenEndpoint: true).RedactWith(_secrets);
            }
            using var _ = response;
            var json = TryParseObject(body);
            if (!response.IsSuccessStatusCode)
                throw PingOneException.FromTokenEndpointAnswer((int)response.StatusCode, ErrorOf(json), ResponseHeaders.Of(response)).RedactWith(_secrets);

            // A malformed answer, or one PingOne could not have issued, is the token endpoint's failure: nothing is sent
            // with it (never "Authorization: Bearer " and blanks, never a token that lives for centuries or is already dead).
            if (TokenAnswer.Read(json, out var accessToken, out var lifetime) is { } problem)
                throw PingOneException.FromTokenEndpointAnswer((int)response.StatusCode, new PingOneError { Code = "invalid_response", Message = problem }, ResponseHeaders.Of(response)).RedactWith(_secrets);
            // Known before anyone can send it: an API answer echoing it is masked from the first request on.
            _secrets.RememberToken(accessToken);
            var margin = TimeSpan.FromTicks(Math.Min(RefreshMargin.Ticks, lifetime.Ticks / 2));
            return new CachedToken(accessToken, requestedAt + lifetime - margin);
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
        // Any other shape is no error body at all, never an exception of its own.
        private static PingOneError? ErrorOf(JObject? json)
        {
            if (json is null) return null;
            if (StringOf(json["error"]) is { } error) return new PingOneError { Code = error, Message = StringOf(json["error_description"]) };
            if (StringOf(json["code"]) is null) return null;
            try
            {
                return json.ToObject<PingOneError>();
            }
            catch (JsonException)
            {
                return new PingOneError { Code = StringOf(json["code"]), Message = StringOf(json["message"]) };
            }
        }

        private static string? StringOf(JToken? token) => token is JValue { Type: JTokenType.String } value ? (string?)value : null;

        private sealed class CachedToken
        {
            public CachedToken(string value, DateTimeOffset refreshAt)
            {
                Value = value;
                RefreshAt = refreshAt;
                AsTask = Task.FromResult(value);
            }

            public string Value { get; }

            // What every request that finds this token cached is handed.
            public Task<string> AsTask { get; }

            public DateTimeOffset RefreshAt { get; }
        }
    }
}
