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
    /// Sets <c>Authorization: Bearer</c> on every request and fails closed: a request to an address the
    /// settings do not allow, or over plain http, throws before it is sent. On <c>401</c> it drops the
    /// cached token, gets a new one and sends the request once more: the only retry outside the client's
    /// retry pipeline, because only here is it known which token was refused.
    /// </summary>
    internal sealed class PingOneAuthenticationHandler : DelegatingHandler
    {
        private readonly IAccessTokenProvider _tokenProvider;
        private readonly HostPolicy _hosts;
        // The header for the token in use; rebuilt only when the token changes (the value is never mutated once set).
        private AuthenticationHeaderValue? _header;

        public PingOneAuthenticationHandler(IAccessTokenProvider tokenProvider, HostPolicy hosts, HttpMessageHandler innerHandler)
            : base(innerHandler)
        {
            _tokenProvider = tokenProvider ?? throw new ArgumentNullException(nameof(tokenProvider));
            _hosts = hosts ?? throw new ArgumentNullException(nameof(hosts));
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _hosts.EnsureAllowed(request.RequestUri);
            var token = await _tokenProvider.GetAuthorizationTokenAsync(request.RequestUri!, null, cancellationToken).ConfigureAwait(false);
            Authorize(request, token);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Unauthorized) return response;

            // The token may have been revoked or expired early: one more try with a new one, never more.
            response.Dispose();
            (_tokenProvider as ITokenCache)?.Invalidate(token);
            Authorize(request, await _tokenProvider.GetAuthorizationTokenAsync(request.RequestUri!, null, cancellationToken).ConfigureAwait(false));
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        // Not an async method of its own: the token provider answers from its cache on nearly every call, and a second state
        // machine and Task per request would cost more than the header it sets.
        private void Authorize(HttpRequestMessage request, string token)
        {
            if (string.IsNullOrEmpty(token))
                throw new PingOneConfigurationException($"Refusing to send a PingOne request to {request.RequestUri!.Host} without a token: the token provider returned none.");
            var header = _header;
            if (header is null || !string.Equals(header.Parameter, token, StringComparison.Ordinal))
                _header = header = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Authorization = header;
        }
    }
}
