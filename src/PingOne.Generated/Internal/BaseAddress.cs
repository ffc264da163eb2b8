using System;

namespace PingOne.Generated
{
    /// <summary>Base addresses must end with <c>/</c>, or <see cref="Uri"/> drops their last segment when combined.</summary>
    internal static class BaseAddress
    {
        public static Uri WithTrailingSlash(Uri address)
        {
            if (address is null) throw new ArgumentNullException(nameof(address));
            if (!address.IsAbsoluteUri) throw new ArgumentException("A base address must be absolute, e.g. https://api.pingone.com/v1/.", nameof(address));
            return address.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? address : new Uri(address.AbsoluteUri + "/");
        }
    }
}
