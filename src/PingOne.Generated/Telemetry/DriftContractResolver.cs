using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using System.Reflection;
using Newtonsoft.Json.Serialization;

namespace PingOne.Generated
{
    /// <summary>
    /// Json.NET's default contracts, plus a check after every model with <c>AdditionalProperties</c> is read: what landed
    /// there is what the spec does not declare. Generic over the generated models, so a regenerated spec needs no change
    /// here. The check reaches the client's <see cref="SchemaDrift"/> through the serializer's context; without one
    /// (any other serializer) it does nothing.
    /// </summary>
    internal sealed class DriftContractResolver : DefaultContractResolver
    {
        public static readonly DriftContractResolver Instance = new();

        protected override JsonObjectContract CreateObjectContract(Type objectType)
        {
            var contract = base.CreateObjectContract(objectType);
            if (contract.ExtensionDataGetter is not null && AdditionalPropertiesOf(objectType) is { } read)
                contract.OnDeserializedCallbacks.Add((model, context) =>
                {
                    if (context.Context is SchemaDrift drift && read(model) is { Count: > 0 } additional) drift.FoundUndeclared(objectType, additional);
                });
            return contract;
        }

        // NSwag's AdditionalProperties getter creates the dictionary when it is read: read its backing field instead, so a
        // model without undeclared properties costs no allocation. A model shaped otherwise falls back to the property.
        private static Func<object, IDictionary<string, object>?>? AdditionalPropertiesOf(Type objectType)
        {
            var model = Expression.Parameter(typeof(object), "model");
            var typed = Expression.Convert(model, objectType);
            MemberExpression member;
            if (objectType.GetField("_additionalProperties", BindingFlags.Instance | BindingFlags.NonPublic) is { } field && field.FieldType == typeof(IDictionary<string, object>))
                member = Expression.Field(typed, field);
            else if (objectType.GetProperty("AdditionalProperties") is { } property && property.PropertyType == typeof(IDictionary<string, object>))
                member = Expression.Property(typed, property);
            else
                return null;
            return Expression.Lambda<Func<object, IDictionary<string, object>?>>(member, model).Compile();
        }
    }
}
