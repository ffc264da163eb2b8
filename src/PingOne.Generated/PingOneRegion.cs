using System;

namespace PingOne.Generated
{
    /// <summary>
    /// A PingOne geography: the API and authorization hosts of one regional deployment.
    /// </summary>
    /// <remarks>Every address ends with <c>/</c>, because the generated client appends relative paths.</remarks>
    public sealed class PingOneRegion
    {
        private PingOneRegion(string name, string topLevelDomain)
        {
            Name = name;
            TopLevelDomain = topLevelDomain;
            ApiBaseAddress = new Uri($"https://api.pingone.{topLevelDomain}/v1/");
            AuthBaseAddress = new Uri($"https://auth.pingone.{topLevelDomain}/");
        }

        /// <summary>North America, excluding Canada (<c>api.pingone.com</c>).</summary>
        public static PingOneRegion NorthAmerica { get; } = new("NorthAmerica", "com");

        /// <summary>Canada (<c>api.pingone.ca</c>).</summary>
        public static PingOneRegion Canada { get; } = new("Canada", "ca");

        /// <summary>The European Union (<c>api.pingone.eu</c>).</summary>
        public static PingOneRegion Europe { get; } = new("Europe", "eu");

        /// <summary>Australia (<c>api.pingone.com.au</c>).</summary>
        public static PingOneRegion Australia { get; } = new("Australia", "com.au");

        /// <summary>Singapore (<c>api.pingone.sg</c>).</summary>
        public static PingOneRegion Singapore { get; } = new("Singapore", "sg");

        /// <summary>Asia-Pacific (<c>api.pingone.asia</c>).</summary>
        public static PingOneRegion AsiaPacific { get; } = new("AsiaPacific", "asia");

        /// <summary>Every PingOne region, North America first.</summary>
        public static PingOneRegion[] All => new[] { NorthAmerica, Canada, Europe, Australia, Singapore, AsiaPacific };

        /// <summary>The region's name, e.g. <c>Europe</c>.</summary>
        public string Name { get; }

        /// <summary>The top-level domain of the region's hosts, e.g. <c>eu</c> or <c>com.au</c>.</summary>
        public string TopLevelDomain { get; }

        /// <summary>The base address of the Platform API, e.g. <c>https://api.pingone.eu/v1/</c>.</summary>
        public Uri ApiBaseAddress { get; }

        /// <summary>The base address of the authorization server, e.g. <c>https://auth.pingone.eu/</c>.</summary>
        public Uri AuthBaseAddress { get; }

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
