using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PingOne.Generated
{
    /// <summary>
    /// Registers <see cref="PingOneMfaClient"/> with an <see cref="IServiceCollection"/>: settings bound from
    /// configuration or set in code, validated at start-up, requests sent through <c>IHttpClientFactory</c>.
    /// </summary>
    /// <remarks>
    /// The client is a singleton built with <c>new PingOneMfaClient(options)</c>. It builds its own token
    /// provider, authentication handler and retry pipeline; nothing else is registered for the whole
    /// application (no <c>IAccessTokenProvider</c>, no handler filter, no <see cref="TimeProvider"/>), so other
    /// clients in the same container keep their own.
    /// </remarks>
    public static class PingOneServiceCollectionExtensions
    {
        /// <summary>
        /// The name of the <c>IHttpClientFactory</c> client whose handler chain <see cref="PingOneMfaClient"/>
        /// sends through (<c>IHttpMessageHandlerFactory.CreateHandler(HttpClientName)</c>).
        /// </summary>
        public const string HttpClientName = "PingOne.Generated.PingOneMfaClient";

        /// <summary>The name of the configuration section the settings are read from: <c>PingOne</c>.</summary>
        public const string ConfigurationSectionName = "PingOne";

        // The configuration keys of the options: what a PingOne section has at its top level.
        private static readonly HashSet<string> SettingNames = new(
            typeof(PingOneMfaClientOptions).GetProperties()
                .Where(property => property.CanWrite && property.SetMethod!.IsPublic)
                .Select(property => property.Name)
                .Except(new[] { nameof(PingOneMfaClientOptions.Transport), nameof(PingOneMfaClientOptions.TimeProvider), nameof(PingOneMfaClientOptions.LoggerFactory) }),
            StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// Registers <see cref="PingOneMfaClient"/> as a singleton whose settings are bound from the
        /// <c>PingOne</c> configuration section and validated at start-up.
        /// </summary>
        /// <param name="services">The service collection.</param>
        /// <param name="configuration">
        /// The <c>PingOne</c> section (<c>configuration.GetSection("PingOne")</c>: <c>Region</c>,
        /// <c>EnvironmentId</c>, <c>ClientId</c>, <c>ClientSecret</c>, ...), or a configuration that has a
        /// <c>PingOne</c> section, such as the application's root configuration.
        /// </param>
        /// <returns>
        /// The builder of the <see cref="HttpClientName"/> client: handlers added to it (a resilience handler,
        /// a proxy, a test double as primary handler) sit between the client's authentication and the network,
        /// for API and token requests alike.
        /// </returns>
        /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is <see langword="null"/>.</exception>
        /// <exception cref="ArgumentException">
        /// <paramref name="configuration"/> has no <c>PingOne</c> section and none of the settings at its top level.
        /// </exception>
        /// <remarks>
        /// A section whose key is <c>PingOne</c> is bound as it is; otherwise a <c>PingOne</c> child section is
        /// bound if there is one; otherwise a configuration with the settings at its top level (a section under
        /// another name) is bound. Settings that cannot be used make the host fail to start (or, without a host,
        /// the first resolution of the client fail) with <see cref="OptionsValidationException"/>, each message
        /// naming its setting (<c>PingOne:ClientId is required ...</c>).
        /// </remarks>
        public static IHttpClientBuilder AddPingOneMfaClient(this IServiceCollection services, IConfiguration configuration)
        {
            if (services is null) throw new ArgumentNullException(nameof(services));
            if (configuration is null) throw new ArgumentNullException(nameof(configuration));
            var settings = SettingsOf(configuration);
            services.AddOptions<PingOneMfaClientOptions>().Bind(settings);
            return AddClient(services);
        }

        /// <summary>
        /// Registers <see cref="PingOneMfaClient"/> as a singleton whose settings are set in code and validated at start-up.
        /// </summary>
        /// <param name="services">The service collection.</param>
        /// <param name="configure">Sets the options.</param>
        /// <returns>
        /// The builder of the <see cref="HttpClientName"/> client: handlers added to it sit between the client's
        /// authentication and the network, for API and token requests alike.
        /// </returns>
        /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
        /// <remarks>
        /// <see cref="PingOneMfaClientOptions.Transport"/>, <see cref="PingOneMfaClientOptions.TimeProvider"/> and
        /// <see cref="PingOneMfaClientOptions.LoggerFactory"/> left <see langword="null"/> are filled in from the
        /// container (see <see cref="AddPingOneMfaClient(IServiceCollection, IConfiguration)"/>); set in
        /// <paramref name="configure"/>, they are used as given (a <see cref="PingOneMfaClientOptions.Transport"/>
        /// set there bypasses the handlers of the returned builder).
        /// </remarks>
        public static IHttpClientBuilder AddPingOneMfaClient(this IServiceCollection services, Action<PingOneMfaClientOptions> configure)
        {
            if (services is null) throw new ArgumentNullException(nameof(services));
            if (configure is null) throw new ArgumentNullException(nameof(configure));
            services.AddOptions<PingOneMfaClientOptions>().Configure(configure);
            return AddClient(services);
        }

        private static IHttpClientBuilder AddClient(IServiceCollection services)
        {
            // The one validation of the settings (PingOneMfaClientOptions.Validate), run when the host starts.
            services.AddOptions<PingOneMfaClientOptions>().ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PingOneMfaClientOptions>, PingOneMfaClientOptionsValidator>());

            var builder = services.AddHttpClient(HttpClientName)
                // The singleton client holds one handler chain for its lifetime: the factory must not rotate
                // (and later dispose) it. The primary handler recycles its connections instead, so DNS changes are seen.
                .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
                .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
                // Requests carry the client secret (token endpoint) and bearer tokens: never log a header value.
                // RedactLoggedHeaders hides them in the messages of the factory's own loggers (the default from
                // Microsoft.Extensions.Http 9 on; 8.x writes them at Trace level), but those loggers still hand
                // every value to logger providers in their state (8.x to 10.x): they are replaced with loggers
                // that write the same lines from header names only (HttpRequestLogger). The redaction stays for
                // the factory's loggers, should an application add them back (AddDefaultLogger).
                .RedactLoggedHeaders(_ => true)
                .RemoveAllLoggers()
                .AddLogger(HttpRequestLogger.Logical, wrapHandlersPipeline: true)
                .AddLogger(HttpRequestLogger.Client, wrapHandlersPipeline: false);

            services.TryAddSingleton(CreateClient);
            return builder;
        }

        private static PingOneMfaClient CreateClient(IServiceProvider services)
        {
            // A copy: what DI adds is never written into the options other consumers read.
            var options = PingOneMfaClientOptionsCopy.Of(services.GetRequiredService<IOptions<PingOneMfaClientOptions>>().Value);
            options.Transport ??= services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(HttpClientName);
            options.TimeProvider ??= services.GetService<TimeProvider>() ?? TimeProvider.System;
            options.LoggerFactory ??= services.GetService<ILoggerFactory>();
            return new PingOneMfaClient(options);
        }

        // The client's own default network handler (connections recycled, no redirects), so DI and no DI send alike.
        private static HttpMessageHandler CreatePrimaryHandler() => PingOneMfaClientOptions.CreateDefaultTransport();

        private static IConfiguration SettingsOf(IConfiguration configuration)
        {
            if (configuration is IConfigurationSection section && string.Equals(section.Key, ConfigurationSectionName, StringComparison.OrdinalIgnoreCase))
                return configuration;
            var child = configuration.GetSection(ConfigurationSectionName);
            if (child.Exists())
                return child;
            if (configuration.GetChildren().Any(setting => SettingNames.Contains(setting.Key)))
                return configuration;
            var where = configuration is IConfigurationSection other ? $"The configuration section '{other.Path}'" : "The configuration";
            throw new ArgumentException(
                $"{where} has no '{ConfigurationSectionName}' section and none of the PingOne settings ({string.Join(", ", SettingNames.OrderBy(name => name, StringComparer.Ordinal))}) at its top level. " +
                $"Pass configuration.GetSection(\"{ConfigurationSectionName}\"), or a configuration that has a {ConfigurationSectionName} section (such as the application's configuration).",
                nameof(configuration));
        }
    }
}
