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
