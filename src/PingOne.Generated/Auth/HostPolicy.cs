using System;
using System.Collections.Generic;
using System.Linq;

namespace PingOne.Generated
{
    /// <summary>
    /// Where a PingOne request, and so a token, may go: the scheme, host and port of one of the configured
    /// base addresses, over https (or http to loopback, when allowed). Stricter than Kiota's
    /// <c>AllowedHostsValidator</c>, which allows every host when its list is empty and never looks at the
    /// scheme or port.
    /// </summary>
    internal sealed class HostPolicy
    {
        private readonly Uri[] _allowed;
        private readonly string[] _httpsPrefixes;
        private readonly bool _allowHttpOnLoopback;

        public HostPolicy(IEnumerable<Uri> allowedBaseAddresses, bool allowHttpOnLoopback)
        {
            _allowed = allowedBaseAddresses.ToArray();
            if (_allowed.Length == 0) throw new ArgumentException("At least one base address must be allowed.", nameof(allowedBaseAddresses));
            _allowHttpOnLoopback = allowHttpOnLoopback;
            _httpsPrefixes = _allowed.Where(a => a.Scheme == Uri.UriSchemeHttps && IsAscii(a.Host)).Select(a => a.GetLeftPart(UriPartial.Authority) + "/").ToArray();
        }

        /// <summary>The host names of the allowed addresses, for Kiota's validator.</summary>
        public string[] Hosts => _allowed.Select(address => address.Host).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

        /// <exception cref="PingOneConfigurationException">The URI is not absolute, not https, or not on an allowed scheme, host and port.</exception>
        public void EnsureAllowed(Uri? uri)
        {
            if (uri is not null && IsOnAllowedHttpsAuthority(uri)) return;
            if (uri is null || !uri.IsAbsoluteUri)
                throw new PingOneConfigurationException("Refusing to send a PingOne request without an absolute URI.");
            if (!HttpsOrLoopback.IsAllowed(uri, _allowHttpOnLoopback))
                throw new PingOneConfigurationException($"Refusing to send a PingOne request over {uri.Scheme} to {uri.Host}: only https is allowed{(uri.IsLoopback ? " (set AllowHttpOnLoopback for a local emulator)" : string.Empty)}.");
            foreach (var allowed in _allowed)
            {
                if (string.Equals(uri.Scheme, allowed.Scheme, StringComparison.OrdinalIgnoreCase) &&
                    string.Equals(uri.Host, allowed.Host, StringComparison.OrdinalIgnoreCase) &&
                    uri.Port == allowed.Port)
                    return;
            }
            throw new PingOneConfigurationException($"Refusing to send a PingOne request to {uri.Scheme}://{uri.Authority}: the configured addresses are {string.Join(", ", _allowed.Select(a => a.GetLeftPart(UriPartial.Authority)))}.");
        }

        // The generated client writes every address as the base address followed by the path, so the text of nearly every
        // request starts with "https://host[:port]/" exactly as an allowed address prints it. Reading Scheme, Host and Port
        // instead would have Uri parse the whole address first. Compared case-sensitively, character for character: the
        // authority ends at the first '/', so nothing after it can change the scheme, host or port. A request written any
        // other way (other case, default port spelled out, white space, IDN) takes the full check below.
        private bool IsOnAllowedHttpsAuthority(Uri uri)
        {
            if (!uri.IsAbsoluteUri) return false;
            var text = uri.OriginalString;
            foreach (var prefix in _httpsPrefixes)
                if (text.StartsWith(prefix, StringComparison.Ordinal)) return true;
            return false;
        }

        private static bool IsAscii(string text)
        {
            foreach (var c in text)
                if (c >= 0x80) return false;
            return true;
        }
    }
}
