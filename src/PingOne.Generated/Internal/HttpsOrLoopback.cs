using System;

namespace PingOne.Generated
{
    /// <summary>The one rule for where PingOne traffic may go in the clear: nowhere but loopback, and only when allowed.</summary>
    internal static class HttpsOrLoopback
    {
        public static bool IsAllowed(Uri address, bool allowHttpOnLoopback) =>
            address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && allowHttpOnLoopback && address.IsLoopback);
    }
}
