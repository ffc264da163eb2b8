using System.Diagnostics;
using System.Net.Http;
using System.Runtime.Serialization;
using Newtonsoft.Json;

namespace PingOne.Generated
{
    internal partial class PingOneMfaRestClient
    {
        /// <summary>
        /// A generated client whose answers are checked against the spec as they are read: its own serializer settings
        /// (the shared ones plus <see cref="DriftContractResolver"/>, the client's <see cref="SchemaDrift"/> as context,
        /// and its error handler, which only watches for missing required properties).
        /// </summary>
        internal PingOneMfaRestClient(HttpClient httpClient, SchemaDrift drift)
            : this(httpClient)
        {
            var settings = new JsonSerializerSettings();
            UpdateJsonSerializerSettings(settings);
            settings.ContractResolver = DriftContractResolver.Instance;
            // Json.NET hands its callbacks this context: the one way to reach the client from a shared contract. The .NET 8
            // obsoletion is of BinaryFormatter-style serialization, which this is not.
#pragma warning disable SYSLIB0050
            settings.Context = new StreamingContext(StreamingContextStates.All, drift);
#pragma warning restore SYSLIB0050
            settings.Error = drift.OnError;
            _instanceSettings = settings;
        }

        // Every answer of the API passes here: the operation's activity (when one is listened to) gets its final HTTP status.
        partial void ProcessResponse(HttpClient client, HttpResponseMessage response)
        {
            if (Activity.Current is { } activity && ReferenceEquals(activity.Source, ClientTelemetry.Source) && activity.IsAllDataRequested)
                activity.SetTag(ClientTelemetry.StatusTag, (int)response.StatusCode);
        }
    }
}
