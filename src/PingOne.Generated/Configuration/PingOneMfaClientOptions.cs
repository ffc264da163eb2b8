using System;
using System.Collections.Generic;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace PingOne.Generated
{
    /// <summary>
    /// Everything a <see cref="PingOneMfaClient"/> needs, in one object: where PingOne is, how to
    /// authenticate, how phone numbers are read, how calls are retried, and (in code only) the network
    /// handler, the clock and the loggers. The client builds its whole handler chain from it.
    /// </summary>
    /// <remarks>
    /// The settings properties bind from a <c>PingOne</c> configuration section (see the
    /// <c>PingOne.Generated.DependencyInjection</c> package); <see cref="Transport"/>, <see cref="TimeProvider"/>
    /// and <see cref="LoggerFactory"/> are set in code.
    /// </remarks>
    public class PingOneMfaClientOptions
    {
        /// <summary>The PingOne region whose hosts the client calls. Defaults to <see cref="PingOneRegion.NorthAmerica"/>.</summary>
        public PingOneRegion Region { get; set; } = PingOneRegion.NorthAmerica;

        /// <summary>
        /// A custom API base address (a custom domain, a local emulator) used instead of the region's;
        /// a missing trailing <c>/</c> is added.
        /// </summary>
        public Uri? ApiBaseAddress { get; set; }

        /// <summary>A custom authorization base address used instead of the region's; a missing trailing <c>/</c> is added.</summary>
        public Uri? AuthBaseAddress { get; set; }

        /// <summary>The environment whose worker app requests tokens (<c>{auth}/{EnvironmentId}/as/token</c>).</summary>
        public string? EnvironmentId { get; set; }

        /// <summary>The worker app's client id, for the client-credentials grant.</summary>
        public string? ClientId { get; set; }

        /// <summary>The worker app's client secret. Never logged, never in an exception message.</summary>
        public string? ClientSecret { get; set; }

        /// <summary>An access token the caller already holds, used instead of the client-credentials grant.</summary>
        public string? AccessToken { get; set; }

        /// <summary>How the client credentials are sent to the token endpoint. Defaults to HTTP Basic.</summary>
        public TokenEndpointAuthMethod TokenEndpointAuthMethod { get; set; } = TokenEndpointAuthMethod.ClientSecretBasic;

        /// <summary>
        /// Allows plain <c>http</c> to loopback addresses (a local emulator, tests). Off by default: every other
        /// <c>http</c> request fails before it is sent, with or without this setting.
        /// </summary>
        public bool AllowHttpOnLoopback { get; set; }

        /// <summary>
        /// How phone numbers are read and checked before a request is sent: the default region for national
        /// numbers and the validation level. Defaults to strict validation with no default region.
        /// </summary>
        public PhoneNormalizationOptions PhoneNormalization { get; set; } = new();

        /// <summary>How calls are retried after rate limiting and transient failures.</summary>
        public PingOneRetryOptions Retry { get; set; } = new();

        /// <summary>
        /// The handler that puts requests on the network, for the API and the token endpoint alike: a proxy
        /// setting, a test double, a handler from <c>IHttpClientFactory</c>. The client does not dispose it.
        /// <see langword="null"/> (the default): the client creates and owns its own (connections recycled
        /// every five minutes, no redirects followed).
        /// </summary>
        public HttpMessageHandler? Transport { get; set; }

        /// <summary>
        /// Creates the network handler a client uses when <see cref="Transport"/> is not set: on .NET 8 and later a
        /// <c>SocketsHttpHandler</c> that recycles pooled connections every five minutes (a long-lived client still
        /// sees DNS changes), elsewhere an <see cref="HttpClientHandler"/>; neither follows redirects. Use it under a
        /// handler of your own and pass the result as <see cref="Transport"/>; you then own and dispose it.
        /// </summary>
        /// <returns>A new handler.</returns>
        public static HttpMessageHandler CreateDefaultTransport() => DefaultTransport.Create();

        /// <summary>The clock for token lifetimes, <c>Retry-After</c> dates and waits between attempts; <see langword="null"/> for the system clock.</summary>
        public TimeProvider? TimeProvider { get; set; }

        /// <summary>Creates the client's logger (one Debug line per call, a Warning per retry); <see langword="null"/> for none.</summary>
        public ILoggerFactory? LoggerFactory { get; set; }

        /// <summary>The API base address in effect: <see cref="ApiBaseAddress"/> if set, otherwise the region's.</summary>
        public Uri EffectiveApiBaseAddress => BaseAddress.WithTrailingSlash(ApiBaseAddress ?? Region.ApiBaseAddress);

        /// <summary>The authorization base address in effect: <see cref="AuthBaseAddress"/> if set, otherwise the region's.</summary>
        public Uri EffectiveAuthBaseAddress => BaseAddress.WithTrailingSlash(AuthBaseAddress ?? Region.AuthBaseAddress);

        /// <summary>
        /// Checks the settings the way the client does before it sends anything; each problem names its
        /// setting as it is spelled in configuration (<c>PingOne:ClientId</c>, ...).
        /// </summary>
        /// <returns>The problems found; empty when the settings can be used.</returns>
        public IReadOnlyList<string> Validate() => PingOneMfaClientOptionsValidation.Problems(this);
    }
}
