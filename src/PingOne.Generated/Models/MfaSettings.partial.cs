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

    /// <remarks>
    /// <see cref="DeviceSelection"/> is a string: the values Ping lists are these constants, and a value PingOne adds later
    /// still reads and is written back as it was read.
    /// </remarks>
    public partial class MfaSettingsAuthentication
    {
        /// <summary><c>DEFAULT_TO_FIRST</c>: the user's default (first) device is used; PingOne's value when none is given.</summary>
        public const string DefaultToFirst = "DEFAULT_TO_FIRST";

        /// <summary><c>PROMPT_TO_SELECT</c>: the user picks the device when there is more than one.</summary>
        public const string PromptToSelect = "PROMPT_TO_SELECT";

        /// <summary><c>ALWAYS_DISPLAY_DEVICES</c>: the user always picks the device, even when there is only one.</summary>
        public const string AlwaysDisplayDevices = "ALWAYS_DISPLAY_DEVICES";
    }
}
