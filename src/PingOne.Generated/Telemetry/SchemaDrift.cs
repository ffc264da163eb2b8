using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Serialization;

namespace PingOne.Generated
{
    /// <summary>
    /// Notices when PingOne's answers no longer match the spec the client was generated from: a property the spec does
    /// not declare (Json.NET puts it in a model's <c>AdditionalProperties</c>), or a required one missing. Each is
    /// counted (<c>pingone.client.schema_drift</c>, by model and property name: never the value) and logged once per
    /// model, property and kind per client, at Information, with what to do about it. One per client, thread-safe.
    /// </summary>
    internal sealed class SchemaDrift
    {
        // A hostile or broken answer may carry any number of names: past this many, new ones are counted as "_OTHER" and not logged.
        internal const int MaxNamesPerClient = 200;
        internal const string OtherName = "_OTHER";

        private readonly ILogger _logger;
        private readonly ConcurrentDictionary<(string Model, string Property, string Kind), bool> _seen = new();

        public SchemaDrift(ILogger logger) => _logger = logger;

        public const string Undeclared = "undeclared";
        public const string Missing = "missing";

        /// <summary>A deserialized model carries properties the spec does not declare.</summary>
        public void FoundUndeclared(Type model, IDictionary<string, object> additionalProperties)
        {
            foreach (var name in additionalProperties.Keys) Report(model, name, Undeclared);
        }

        /// <summary>
        /// Json.NET's error handler: a property the spec requires (<c>Required.Always</c> on the generated model) is missing.
        /// The error is not handled: the call still fails as it did (an invalid answer); this only records why.
        /// </summary>
        public void OnError(object? sender, Newtonsoft.Json.Serialization.ErrorEventArgs args)
        {
            var error = args.ErrorContext;
            // The handler runs once per enclosing object as the error rises: only the object that lacks the property counts.
            if (error.Handled || args.CurrentObject is null || !ReferenceEquals(args.CurrentObject, error.OriginalObject)) return;
            if (error.Member is string property && error.Error is Newtonsoft.Json.JsonSerializationException serialization
                && serialization.Message.StartsWith("Required property '", StringComparison.Ordinal)
                && serialization.Message.IndexOf("' not found in JSON", StringComparison.Ordinal) > 0)
                Report(args.CurrentObject.GetType(), property, Missing);
        }

        private void Report(Type model, string property, string kind)
        {
            var name = SafeName(property);
            var key = (model.Name, name, kind);
            if (!_seen.ContainsKey(key))
            {
                if (_seen.Count >= MaxNamesPerClient) key = (model.Name, OtherName, kind);
                if (_seen.TryAdd(key, true)) _logger.SchemaDrift(kind, model.Name, key.Item2);
            }
            if (ClientTelemetry.SchemaDrift.Enabled)
                ClientTelemetry.SchemaDrift.Add(1,
                    new KeyValuePair<string, object?>("pingone.model", key.Item1),
                    new KeyValuePair<string, object?>("pingone.property", key.Item2),
                    new KeyValuePair<string, object?>("pingone.drift.kind", kind));
        }

        // A property name is the server's text: one that does not look like a name (too long, odd characters, a run of
        // digits that could be a phone number) is reported as "_OTHER", never quoted.
        internal static string SafeName(string property)
        {
            if (property.Length is 0 or > 64) return OtherName;
            var digits = 0;
            foreach (var c in property)
            {
                if (c is >= '0' and <= '9')
                {
                    if (++digits >= 5) return OtherName;
                    continue;
                }
                digits = 0;
                if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '_' or '$' or '.' or '-' or '@')) return OtherName;
            }
            return property;
        }
    }
}
