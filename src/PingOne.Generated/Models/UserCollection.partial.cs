namespace PingOne.Generated
{
    /// <remarks>One page of <c>GET …/users</c>; <see cref="PingOneMfaClient.ListUsersAsync"/> reads the pages and returns the users.</remarks>
    public partial class UserCollection
    {
        /// <summary>The page's HAL links (<c>_links</c> on the wire); <c>next</c> when more pages follow.</summary>
        [Newtonsoft.Json.JsonIgnore]
        public UserCollectionLinks? Links => _links;

        /// <summary>The page's users (<c>_embedded</c> on the wire).</summary>
        [Newtonsoft.Json.JsonIgnore]
        public EmbeddedUsers? Embedded => _embedded;
    }
}
