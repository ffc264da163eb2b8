namespace PingOne.Generated
{
    public partial class VoiceDevice
    {
        /// <summary>The device's HAL links (<c>_links</c> on the wire): itself, its environment and its user.</summary>
        [Newtonsoft.Json.JsonIgnore]
        public DeviceLinks? Links => _links;
    }
}
