namespace PingOne.Generated
{
    /// <summary>How the client credentials are sent to PingOne's token endpoint; must match the worker app's setting.</summary>
    public enum TokenEndpointAuthMethod
    {
        /// <summary><c>CLIENT_SECRET_BASIC</c>: in an HTTP Basic <c>Authorization</c> header. The default.</summary>
        ClientSecretBasic = 0,

        /// <summary><c>CLIENT_SECRET_POST</c>: as <c>client_id</c> and <c>client_secret</c> form fields.</summary>
        ClientSecretPost = 1,
    }
}
