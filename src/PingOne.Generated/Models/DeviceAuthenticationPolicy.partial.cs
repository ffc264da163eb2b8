using Newtonsoft.Json;

namespace PingOne.Generated
{
    /// <remarks>What <see cref="PingOneMfaClient.GetDeviceAuthenticationPolicyAsync"/> returns.</remarks>
    public partial class DeviceAuthenticationPolicy
    {
        /// <summary>The policy's HAL links (<c>_links</c> on the wire).</summary>
        [JsonIgnore]
        public DeviceAuthenticationPolicyLinks? Links => _links;

        /// <summary>Whether the policy allows voice devices: <c>voice.enabled</c> is <see langword="true"/>.</summary>
        [JsonIgnore]
        public bool AllowsVoice => Voice?.Enabled == true;
    }
}
