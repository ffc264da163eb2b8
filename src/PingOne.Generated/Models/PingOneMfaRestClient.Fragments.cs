using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace PingOne.Generated
{
    internal partial class PingOneMfaRestClient
    {
        // PingOne tells several operations on one method and path apart by the vendor content type alone (create and
        // set order on POST .../devices; activate, block, unblock and unlock on POST .../devices/{id}). OpenAPI allows
        // one operation per method and path, so the spec writes the variant as a fragment (".../devices/{deviceID}#block+json"),
        // as PingOne's own newer OpenAPI document does. A fragment is never sent: it is cut off here, before the request's
        // address is made. An operation without a body (block, unblock, unlock) gets its vendor content type from it:
        // "#block+json" on a device is application/vnd.pingidentity.device.block+json, sent with an empty body as Ping's
        // examples do. An operation with a body (set order) already carries the content type its spec entry names.
        partial void PrepareRequest(HttpClient client, HttpRequestMessage request, StringBuilder urlBuilder)
        {
            var url = urlBuilder.ToString();
            var hash = url.IndexOf('#');
            if (hash < 0) return;
            var fragment = url.Substring(hash + 1);
            urlBuilder.Length = hash;
            if (request.Content is { } content && content.Headers.ContentLength == 0)
                content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.pingidentity.device." + fragment);
        }
    }
}
