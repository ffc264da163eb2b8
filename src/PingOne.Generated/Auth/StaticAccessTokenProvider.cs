using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions.Authentication;

namespace PingOne.Generated
{
    /// <summary>Hands out an access token the caller already holds, only for requests to the allowed hosts.</summary>
    public sealed class StaticAccessTokenProvider : IAccessTokenProvider
    {
        private readonly string _token;
        private readonly bool _allowHttpOnLoopback;

        /// <summary>Creates the provider.</summary>
        /// <param name="accessToken">The bearer token.</param>
        /// <param name="apiBaseAddress">The API base address; its host is the only one the token is sent to.</param>
        /// <param name="allowHttpOnLoopback">Whether plain http to a loopback address is allowed (local emulator, tests).</param>
        public StaticAccessTokenProvider(string accessToken, Uri apiBaseAddress, bool allowHttpOnLoopback = false)
        {
            if (string.IsNullOrWhiteSpace(accessToken)) throw new ArgumentException("The access token must not be empty.", nameof(accessToken));
            if (apiBaseAddress is null) throw new ArgumentNullException(nameof(apiBaseAddress));
            _token = accessToken;
            _allowHttpOnLoopback = allowHttpOnLoopback;
            AllowedHostsValidator = HostPolicy.ForHosts(apiBaseAddress);
        }

        /// <inheritdoc />
        public AllowedHostsValidator AllowedHostsValidator { get; }

        /// <inheritdoc />
        /// <exception cref="InvalidOperationException">The URI's host is not allowed, or it is not https.</exception>
        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            HostPolicy.EnsureAllowed(uri, AllowedHostsValidator, _allowHttpOnLoopback);
            return Task.FromResult(_token);
        }
    }
}
