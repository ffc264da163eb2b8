using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;

namespace PingOne.Generated
{
    /// <summary>A response's headers, content headers included, in the shape the generated client hands to exceptions.</summary>
    internal static class ResponseHeaders
    {
        public static IReadOnlyDictionary<string, IEnumerable<string>> Of(HttpResponseMessage response)
        {
            var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in response.Headers) headers[header.Key] = header.Value.ToArray();
            foreach (var header in response.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()) headers[header.Key] = header.Value.ToArray();
            return headers;
        }
    }
}
