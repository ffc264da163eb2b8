using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions.Authentication;

namespace PingOne.Generated
{
    /// <summary>
    /// Sets <c>Authorization: Bearer</c> on every request from an <see cref="IAccessTokenProvider"/>, and fails
    /// closed: a request to a host the provider does not allow, or over plain http, throws before it is sent.
    /// On <c>401</c> it drops the cached token, gets a new one and retries the request once.
    /// </summary>
    /// <remarks>Place it inside any retry handler, so every attempt gets a valid token; <c>AddPingOneMfaClient</c> does.</remarks>
    public sealed class PingOneAuthenticationHandler : DelegatingHandler
    {
        private readonly IAccessTokenProvider _tokenProvider;
        private readonly bool _allowHttpOnLoopback;

        /// <summary>Creates the handler.</summary>
        /// <param name="tokenProvider">Gives the token for each request's URI; its <see cref="IAccessTokenProvider.AllowedHostsValidator"/> must list the API host.</param>
        /// <param name="allowHttpOnLoopback">Whether plain http to a loopback address is allowed (local emulator, tests).</param>
        public PingOneAuthenticationHandler(IAccessTokenProvider tokenProvider, bool allowHttpOnLoopback = false)
        {
            _tokenProvider = tokenProvider ?? throw new ArgumentNullException(nameof(tokenProvider));
            _allowHttpOnLoopback = allowHttpOnLoopback;
        }

        /// <inheritdoc />
        /// <exception cref="InvalidOperationException">The request's host is not allowed, it is not https, or the provider gave no token.</exception>
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HostPolicy.EnsureAllowed(request.RequestUri, _tokenProvider.AllowedHostsValidator, _allowHttpOnLoopback);
            var token = await AuthorizeAsync(request, cancellationToken).ConfigureAwait(false);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Unauthorized) return response;

            // The token may have been revoked or expired early: one more try with a new one, never more.
            response.Dispose();
            (_tokenProvider as ITokenCache)?.Invalidate(token);
            await AuthorizeAsync(request, cancellationToken).ConfigureAwait(false);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        private async Task<string> AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var token = await _tokenProvider.GetAuthorizationTokenAsync(request.RequestUri!, null, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(token))
                throw new InvalidOperationException($"Refusing to send a PingOne request to {request.RequestUri!.Host} without a token: the token provider returned none.");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return token;
        }
    }
}
