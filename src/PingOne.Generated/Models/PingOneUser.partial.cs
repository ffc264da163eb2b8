namespace PingOne.Generated
{
    /// <remarks>
    /// What <see cref="PingOneMfaClient.GetUserAsync"/>, <see cref="PingOneMfaClient.ListUsersAsync"/> and
    /// <see cref="PingOneMfaClient.CreateUserAsync"/> return. Properties the client does not name (lifecycle, account, custom
    /// attributes, …) are kept in <c>AdditionalProperties</c>. Read a profile phone with <see cref="UserPhone.TryRead"/>.
    /// </remarks>
    public partial class PingOneUser
    {
        /// <summary>The user's HAL links (<c>_links</c> on the wire): itself, its environment, its population, and whatever PingOne adds.</summary>
        [Newtonsoft.Json.JsonIgnore]
        public UserLinks? Links => _links;
    }
}
