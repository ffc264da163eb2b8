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
        }
    }
}
