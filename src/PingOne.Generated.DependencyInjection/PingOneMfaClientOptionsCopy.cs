namespace PingOne.Generated
{
    /// <summary>
    /// A copy of the options for the one client DI builds, so the handler, clock and loggers DI adds are never
    /// written into the instance <c>IOptions&lt;PingOneMfaClientOptions&gt;</c> gives everyone else.
    /// </summary>
    internal static class PingOneMfaClientOptionsCopy
    {
        // Every settable property: a test fails when one is added to the options and not here.
        // PhoneNormalization is immutable; Retry is shared, and neither DI nor the client writes to it.
        public static PingOneMfaClientOptions Of(PingOneMfaClientOptions options) => new()
        {
            Region = options.Region,
            ApiBaseAddress = options.ApiBaseAddress,
            AuthBaseAddress = options.AuthBaseAddress,
            EnvironmentId = options.EnvironmentId,
            ClientId = options.ClientId,
            ClientSecret = options.ClientSecret,
            AccessToken = options.AccessToken,
            TokenEndpointAuthMethod = options.TokenEndpointAuthMethod,
            AllowHttpOnLoopback = options.AllowHttpOnLoopback,
            PhoneNormalization = options.PhoneNormalization,
            Retry = options.Retry,
            Transport = options.Transport,
            TimeProvider = options.TimeProvider,
            LoggerFactory = options.LoggerFactory,
        };
    }
}
