using Newtonsoft.Json;

namespace PingOne.Generated
{
    internal partial class PingOneMfaRestClient
    {
        static partial void UpdateJsonSerializerSettings(JsonSerializerSettings settings)
        {
            // Unknown properties land in AdditionalProperties; keep their dates' offsets and never guess a culture.
            settings.DateParseHandling = DateParseHandling.DateTimeOffset;
            settings.Culture = System.Globalization.CultureInfo.InvariantCulture;
            // "$ref", "$id" and "$type" in PingOne's JSON are data, not Json.NET's reference and type metadata:
            // read as metadata, an unknown "$ref" would fail the whole response. Skipping the check is also faster.
            settings.MetadataPropertyHandling = MetadataPropertyHandling.Ignore;
        }
    }
}

namespace PingOne.Generated
{
    internal partial class PingOneMfaRestClient
    {
        // The address of a list page PingOne linked (_links.next), used instead of the one the generated list call builds.
        // Set only around that call (an AsyncLocal flows into it and not back out); PrepareRequest reads it.
        private static readonly System.Threading.AsyncLocal<string?> NextPageAddress = new();

        // The page at an address PingOne linked; the caller has checked that it is the list's own address.
        internal async System.Threading.Tasks.Task<DeviceCollection> ListDevicesPageAsync(string environmentId, string userId, string pageAddress, System.Threading.CancellationToken cancellationToken)
        {
            NextPageAddress.Value = pageAddress;
            try
            {
                return await ListDevicesAsync(environmentId, userId, null, null, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                NextPageAddress.Value = null;
            }
        }

        // A list call without query ends in "devices": only then is the linked page's address looked up.
        private static bool UseLinkedPage(System.Text.StringBuilder urlBuilder)
        {
            if (urlBuilder.Length == 0 || urlBuilder[urlBuilder.Length - 1] != 's' || NextPageAddress.Value is not { } address) return false;
            urlBuilder.Clear().Append(address);
            return true;
        }
    }
}
