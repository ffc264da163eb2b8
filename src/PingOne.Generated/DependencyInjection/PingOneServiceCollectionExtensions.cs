using System;
using System.Net.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions.Authentication;

namespace PingOne.Generated
{
    /// <summary>Registers <see cref="PingOneMfaClient"/> with <see cref="IServiceCollection"/> and <c>IHttpClientFactory</c>.</summary>
    public static class PingOneServiceCollectionExtensions
    {
        /// <summary>The name of the <c>HttpClient</c> that <see cref="PingOneMfaClient"/> sends its requests through.</summary>
        public const string ApiHttpClientName = "PingOne.Generated.Api";

        /// <summary>The name of the <c>HttpClient</c> the token provider uses to reach the token endpoint.</summary>
        public const string TokenHttpClientName = "PingOne.Generated.Token";

        /// <summary>
        /// Registers <see cref="PingOneMfaClient"/> as a typed client, with options bound from a configuration
        /// section (usually <c>configuration.GetSection("PingOne")</c>) and validated at start-up.
        /// </summary>
        /// <param name="services">The service collection.</param>
        /// <param name="configuration">The <c>PingOne</c> section: <c>Region</c>, <c>EnvironmentId</c>, <c>ClientId</c>, <c>ClientSecret</c>, ...</param>
        /// <returns>The client's <see cref="IHttpClientBuilder"/>, to add handlers such as a resilience pipeline.</returns>
        public static IHttpClientBuilder AddPingOneMfaClient(this IServiceCollection services, IConfiguration configuration)
        {
            if (configuration is null) throw new ArgumentNullException(nameof(configuration));
            return services.AddPingOneMfaClient(options => configuration.Bind(options));
        }

        /// <summary>Registers <see cref="PingOneMfaClient"/> as a typed client, with options set in code and validated at start-up.</summary>
        /// <param name="services">The service collection.</param>
        /// <param name="configure">Sets the options.</param>
        /// <returns>The client's <see cref="IHttpClientBuilder"/>, to add handlers such as a resilience pipeline.</returns>
        public static IHttpClientBuilder AddPingOneMfaClient(this IServiceCollection services, Action<PingOneMfaClientOptions> configure)
        {
            if (services is null) throw new ArgumentNullException(nameof(services));
            if (configure is null) throw new ArgumentNullException(nameof(configure));

            services.AddOptions<PingOneMfaClientOptions>().Configure(configure).ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PingOneMfaClientOptions>, PingOneMfaClientOptionsValidator>());
            services.TryAddSingleton(TimeProvider.System);
            services.AddHttpClient(TokenHttpClientName);
            services.TryAddSingleton<IAccessTokenProvider>(CreateTokenProvider);

            var builder = services.AddHttpClient(ApiHttpClientName).AddTypedClient((httpClient, provider) => new PingOneMfaClient(
                httpClient,
                provider.GetRequiredService<IOptions<PingOneMfaClientOptions>>().Value,
                provider.GetService<ILogger<PingOneMfaClient>>(),
                provider.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IHttpMessageHandlerBuilderFilter>(provider => new AuthenticationInnermostFilter(builder.Name, provider));
            return builder;
        }

        private static IAccessTokenProvider CreateTokenProvider(IServiceProvider provider)
        {
            var options = provider.GetRequiredService<IOptions<PingOneMfaClientOptions>>().Value;
            if (!string.IsNullOrWhiteSpace(options.AccessToken))
                return new StaticAccessTokenProvider(options.AccessToken!, options.EffectiveApiBaseAddress, options.AllowHttpOnLoopback);
            var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(TokenHttpClientName);
            return new ClientCredentialsTokenProvider(http, options, provider.GetRequiredService<TimeProvider>());
        }

        // Adds the authentication handler after every handler the application configured, so it sits inside
        // them: a retry handler's every attempt then goes through it and gets a valid token.
        private sealed class AuthenticationInnermostFilter : IHttpMessageHandlerBuilderFilter
        {
            private readonly string _clientName;
            private readonly IServiceProvider _services;

            public AuthenticationInnermostFilter(string clientName, IServiceProvider services)
            {
                _clientName = clientName;
                _services = services;
            }

            public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
            {
                next(builder);
                if (!string.Equals(builder.Name, _clientName, StringComparison.Ordinal)) return;
                var options = _services.GetRequiredService<IOptions<PingOneMfaClientOptions>>().Value;
                builder.AdditionalHandlers.Add(new PingOneAuthenticationHandler(_services.GetRequiredService<IAccessTokenProvider>(), options.AllowHttpOnLoopback));
            };
        }
    }
}
