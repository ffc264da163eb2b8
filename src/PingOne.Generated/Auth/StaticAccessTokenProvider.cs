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
        private readonly string _token;
        private readonly HostPolicy _hosts;

        public StaticAccessTokenProvider(string accessToken, HostPolicy hosts)
        {
            if (string.IsNullOrWhiteSpace(accessToken)) throw new ArgumentException("The access token must not be empty.", nameof(accessToken));
            _token = accessToken;
            _hosts = hosts;
            AllowedHostsValidator = new AllowedHostsValidator(hosts.Hosts);
        }

        public AllowedHostsValidator AllowedHostsValidator { get; }

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            _hosts.EnsureAllowed(uri);
            return Task.FromResult(_token);
        }
    }
}
