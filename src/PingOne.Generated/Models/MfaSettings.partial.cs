using Newtonsoft.Json;

namespace PingOne.Generated
{
    /// <remarks>
    /// What <see cref="PingOneMfaClient.GetMfaSettingsAsync"/> returns and <see cref="PingOneMfaClient.UpdateMfaSettingsAsync"/>
    /// sends back. Every object keeps the properties it does not know in <c>AdditionalProperties</c>, so a read, change and
    /// write back loses nothing.
    /// </remarks>
    public partial class MfaSettings
    {
        /// <summary>The settings' HAL links (<c>_links</c> on the wire): the settings themselves and their environment.</summary>
        [JsonIgnore]
        public MfaSettingsLinks? Links => _links;

        // The body of a PUT: a deep copy without what PingOne sets itself (links, environment, update time).
        internal MfaSettings ToWire()
        {
            var copy = JsonConvert.DeserializeObject<MfaSettings>(JsonConvert.SerializeObject(this))!;
            copy._links = null;
            copy.Environment = null;
            copy.UpdatedAt = null;
            return copy;
        }
    }

    /// <remarks>PingOne's documented range of <see cref="MaxAllowedDevices"/>: "any number up to 15", 5 by default.</remarks>
    public partial class MfaSettingsPairing
    {
        /// <summary>The smallest <see cref="MaxAllowedDevices"/> the client sends: 1.</summary>
        public const int MinAllowedDevices = 1;

        /// <summary>The largest <see cref="MaxAllowedDevices"/> PingOne allows: 15.</summary>
        public const int MaxAllowedDevicesLimit = 15;

        /// <summary>PingOne's default <see cref="MaxAllowedDevices"/>: 5.</summary>
        public const int DefaultMaxAllowedDevices = 5;
    }
}
