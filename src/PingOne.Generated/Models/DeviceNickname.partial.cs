namespace PingOne.Generated
{
    /// <remarks>
    /// What <see cref="PingOneMfaClient.UpdateNicknameAsync"/> returns: PingOne answers a rename with the nickname and
    /// two links, not with the device.
    /// </remarks>
    public partial class DeviceNickname
    {
        /// <summary>The answer's HAL links (<c>_links</c> on the wire): the nickname itself and the renamed device.</summary>
        [Newtonsoft.Json.JsonIgnore]
        public DeviceNicknameLinks? Links => _links;
    }
}
