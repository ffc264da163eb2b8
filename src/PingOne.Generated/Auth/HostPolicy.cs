using System;
using System.Linq;
using Microsoft.Kiota.Abstractions.Authentication;

namespace PingOne.Generated
{
    /// <summary>
    /// Where a PingOne token may be sent. Stricter than Kiota's validator, which allows every host when its
    /// list is empty and never looks at the scheme: here the list must name the host, and only https
    /// (or http to loopback, when allowed) goes out.
    /// </summary>
    internal static class HostPolicy
    {
        public static AllowedHostsValidator ForHosts(params Uri[] addresses) => new(addresses.Select(address => address.Host).Distinct(StringComparer.OrdinalIgnoreCase).ToArray());

        public static void EnsureAllowed(Uri? uri, AllowedHostsValidator validator, bool allowHttpOnLoopback)
        {
            if (uri is null || !uri.IsAbsoluteUri)
                throw new InvalidOperationException("Refusing to send a PingOne request without an absolute URI.");
            var allowed = validator.AllowedHosts.ToArray();
            if (allowed.Length == 0)
                throw new InvalidOperationException("Refusing to send a PingOne token: the token provider's AllowedHostsValidator lists no host.");
            var secure = uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && allowHttpOnLoopback && uri.IsLoopback);
            if (!secure)
                throw new InvalidOperationException($"Refusing to send a PingOne token over {uri.Scheme} to {uri.Host}: only https is allowed{(uri.IsLoopback ? " (set AllowHttpOnLoopback for a local emulator)" : string.Empty)}.");
            if (!allowed.Contains(uri.Host, StringComparer.OrdinalIgnoreCase))
                throw new InvalidOperationException($"Refusing to send a PingOne token to {uri.Host}: the allowed hosts are {string.Join(", ", allowed)}.");
        }
    }
}
