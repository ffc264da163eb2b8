using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace PingOne.Generated.DependencyInjection.Tests;

/// <summary>The named client the singleton PingOne client sends through.</summary>
public class HandlerChainTests
{
    [Test]
    public void NamedClient_HandlerIsNeverRotatedUnderTheSingletonClient()
    {
        using var services = Register();

        var options = services.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(PingOneServiceCollectionExtensions.HttpClientName);

        Assert.That(options.HandlerLifetime, Is.EqualTo(Timeout.InfiniteTimeSpan));
    }

    [Test]
    public void NamedClient_PrimaryHandler_RecyclesConnectionsAndFollowsNoRedirects()
    {
        using var services = Register();

        var handler = services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(PingOneServiceCollectionExtensions.HttpClientName);
        while (handler is DelegatingHandler outer) handler = outer.InnerHandler!;

        Assert.That(handler, Is.TypeOf<SocketsHttpHandler>());
        var primary = (SocketsHttpHandler)handler;
        Assert.That(primary.PooledConnectionLifetime, Is.EqualTo(TimeSpan.FromMinutes(5)), "a long-lived handler still sees DNS changes");
        Assert.That(primary.AllowAutoRedirect, Is.False);
    }

    [Test]
    public void NamedClient_RedactsLoggedHeaderValues_EvenWhereTheFactoryDefaultLogsThem()
    {
        using var services = Register();
        // Microsoft.Extensions.Http 8.x logs header values (at Trace); 9.x redacts them by default. Start from 8.x.
        var options = new HttpClientFactoryOptions { ShouldRedactHeaderValue = _ => false };

        foreach (var configure in services.GetServices<IConfigureOptions<HttpClientFactoryOptions>>())
        {
            if (configure is IConfigureNamedOptions<HttpClientFactoryOptions> named) named.Configure(PingOneServiceCollectionExtensions.HttpClientName, options);
            else configure.Configure(options);
        }

        Assert.That(options.ShouldRedactHeaderValue("Authorization"), Is.True, "the token request carries the client secret, API requests the token");
        Assert.That(options.ShouldRedactHeaderValue("X-Anything"), Is.True);
    }

    private static ServiceProvider Register()
    {
        var collection = new ServiceCollection();
        collection.AddPingOneMfaClient(Settings.Root());
        return collection.BuildServiceProvider();
    }
}
