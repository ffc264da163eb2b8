using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions.Authentication;

namespace PingOne.Generated
{
    /// <summary>Hands out an access token the caller already holds (<see cref="PingOneMfaClientOptions.AccessToken"/>), only for the API's address.</summary>
    internal sealed class StaticAccessTokenProvider : IAccessTokenProvider
    {
        private readonly Task<string> _token;

        public StaticAccessTokenProvider(string accessToken, HostPolicy hosts, KnownSecrets secrets)
        {
            if (string.IsNullOrWhiteSpace(accessToken)) throw new ArgumentException("The access token must not be empty.", nameof(accessToken));
            secrets.RememberCredential(accessToken);
            _token = Task.FromResult(accessToken);
            AllowedHostsValidator = new AllowedHostsValidator(hosts.Hosts);
        }

        public AllowedHostsValidator AllowedHostsValidator { get; }

        // The authentication handler has checked the address (HostPolicy) before it asks.
        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) => _token;
    }
}
