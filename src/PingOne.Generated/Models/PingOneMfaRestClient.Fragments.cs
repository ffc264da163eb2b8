using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace PingOne.Generated
{
    internal partial class PingOneMfaRestClient
    {
        // PingOne tells several operations on one method and path apart by the vendor content type alone (create, set order
        // and remove order on POST .../devices; activate, block, unblock and unlock on POST .../devices/{id}). OpenAPI allows
        // one operation per method and path, so the spec writes the variant as a fragment (".../devices/{deviceID}#block+json"),
        // as PingOne's own newer OpenAPI document does. A fragment is never sent: it is cut off here, before the request's
        // address is made. An operation without a body (block, unblock, unlock, remove order) gets its vendor content type
        // from it: "#block+json" on a device is application/vnd.pingidentity.device.block+json, and "#order.remove+json" on
        // the device list is application/vnd.pingidentity.devices.order.remove+json, sent with an empty body as Ping's
        // examples do. An operation with a body (set order) already carries the content type its spec entry names.
        partial void PrepareRequest(HttpClient client, HttpRequestMessage request, StringBuilder urlBuilder)
        {
            // A fragment ends the path template (no operation has a query after it), so only the address's tail is
            // searched, in place: every request passes here, and copying or scanning whole addresses cost the create
            // call 0.4 us (docs/benchmarks.md). The longest fragment, "#order.remove+json", has 18 characters.
            const int LongestFragment = 32;
            // Every fragment names a "+json" vendor type; an address ending in anything else has none (one character read).
            if (urlBuilder.Length == 0 || urlBuilder[urlBuilder.Length - 1] != 'n')
            {
                UseLinkedPage(urlBuilder);
                return;
            }
            var hash = -1;
            for (var i = urlBuilder.Length - 1; i >= 0 && i >= urlBuilder.Length - LongestFragment && hash < 0; i--)
                if (urlBuilder[i] == '#') hash = i;
            if (hash < 0) return;
            var fragment = urlBuilder.ToString(hash + 1, urlBuilder.Length - hash - 1);
            urlBuilder.Length = hash;
            if (request.Content is { } content && content.Headers.ContentLength == 0)
                content.Headers.ContentType = new MediaTypeHeaderValue((EndsWithDevices(urlBuilder) ? "application/vnd.pingidentity.devices." : "application/vnd.pingidentity.device.") + fragment);
        }

        // Whether the address (fragment already cut off) is the device list ".../devices" rather than one device ".../devices/{id}".
        private static bool EndsWithDevices(StringBuilder urlBuilder)
        {
            const string Devices = "/devices";
            if (urlBuilder.Length < Devices.Length) return false;
            for (var i = 0; i < Devices.Length; i++)
                if (urlBuilder[urlBuilder.Length - Devices.Length + i] != Devices[i]) return false;
            return true;
        }
    }
}
