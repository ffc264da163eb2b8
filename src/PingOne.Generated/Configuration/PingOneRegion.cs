using System;
using System.ComponentModel;
using System.Globalization;

namespace PingOne.Generated
{
    /// <summary>
    /// A PingOne geography: the API and authorization hosts of one regional deployment.
    /// </summary>
    /// <remarks>Every address ends with <c>/</c>, because the generated client appends relative paths.</remarks>
    [TypeConverter(typeof(PingOneRegionConverter))]
    public sealed class PingOneRegion
    {
        private PingOneRegion(string name, string code, string topLevelDomain)
        {
            Code = code;
            Name = name;
            TopLevelDomain = topLevelDomain;
            ApiBaseAddress = new Uri($"https://api.pingone.{topLevelDomain}/v1/");
            AuthBaseAddress = new Uri($"https://auth.pingone.{topLevelDomain}/");
        }

        /// <summary>North America, excluding Canada (<c>api.pingone.com</c>).</summary>
        public static PingOneRegion NorthAmerica { get; } = new("NorthAmerica", "NA", "com");

        /// <summary>Canada (<c>api.pingone.ca</c>).</summary>
        public static PingOneRegion Canada { get; } = new("Canada", "CA", "ca");

        /// <summary>The European Union (<c>api.pingone.eu</c>).</summary>
        public static PingOneRegion Europe { get; } = new("Europe", "EU", "eu");

        /// <summary>Australia (<c>api.pingone.com.au</c>).</summary>
        public static PingOneRegion Australia { get; } = new("Australia", "AU", "com.au");

        /// <summary>Singapore (<c>api.pingone.sg</c>).</summary>
        public static PingOneRegion Singapore { get; } = new("Singapore", "SG", "sg");

        /// <summary>Asia-Pacific (<c>api.pingone.asia</c>).</summary>
        public static PingOneRegion AsiaPacific { get; } = new("AsiaPacific", "AP", "asia");

        /// <summary>Every PingOne region, North America first.</summary>
        public static PingOneRegion[] All => new[] { NorthAmerica, Canada, Europe, Australia, Singapore, AsiaPacific };

        /// <summary>PingOne's code for the region: <c>NA</c>, <c>CA</c>, <c>EU</c>, <c>AU</c>, <c>SG</c> or <c>AP</c>.</summary>
        public string Code { get; }

        /// <summary>The region's name, e.g. <c>Europe</c>.</summary>
        public string Name { get; }

        /// <summary>The top-level domain of the region's hosts, e.g. <c>eu</c> or <c>com.au</c>.</summary>
        public string TopLevelDomain { get; }

        /// <summary>The base address of the Platform API, e.g. <c>https://api.pingone.eu/v1/</c>.</summary>
        public Uri ApiBaseAddress { get; }

        /// <summary>The base address of the authorization server, e.g. <c>https://auth.pingone.eu/</c>.</summary>
        public Uri AuthBaseAddress { get; }

        /// <summary>Finds a region by its name (<c>Europe</c>), code (<c>EU</c>) or top-level domain (<c>eu</c>), ignoring case.</summary>
        /// <param name="value">The name, code or top-level domain.</param>
        /// <returns>The region.</returns>
        /// <exception cref="ArgumentException">No region has that name, code or domain.</exception>
        public static PingOneRegion Parse(string value)
        {
            if (value is null) throw new ArgumentNullException(nameof(value));
            var text = value.Trim();
            foreach (var region in All)
            {
                if (string.Equals(text, region.Name, StringComparison.OrdinalIgnoreCase) ||
                    string.Equals(text, region.Code, StringComparison.OrdinalIgnoreCase) ||
                    string.Equals(text, region.TopLevelDomain, StringComparison.OrdinalIgnoreCase))
                    return region;
            }
            throw new ArgumentException($"'{value}' is not a PingOne region. Use one of: NorthAmerica (NA, com), Canada (CA, ca), Europe (EU, eu), Australia (AU, com.au), Singapore (SG, sg), AsiaPacific (AP, asia).", nameof(value));
        }

        /// <inheritdoc />
        public override string ToString() => Name;

        // Lets configuration binding read "Region": "EU" into a PingOneRegion.
        private sealed class PingOneRegionConverter : TypeConverter
        {
            public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

            public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
                value is string text ? Parse(text) : base.ConvertFrom(context, culture, value);
        }
    }
}
