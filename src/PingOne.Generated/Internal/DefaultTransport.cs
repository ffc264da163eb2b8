using System;
using System.Net.Http;

namespace PingOne.Generated
{
    /// <summary>The network handler a client creates when it is given none.</summary>
    internal static class DefaultTransport
    {
        public static HttpMessageHandler Create()
        {
#if NET8_0_OR_GREATER
            // A long-lived client must still see DNS changes: recycle pooled connections.
            return new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false };
#else
            return new HttpClientHandler { AllowAutoRedirect = false };
#endif
        }
    }
}
