using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PingOne.Generated.DependencyInjection.Tests;

/// <summary>Application configuration (in memory) and containers built from it.</summary>
internal static class Settings
{
    /// <summary>
    /// A root configuration with a <c>PingOne</c> section holding the worker app (Region Europe, one attempt per
    /// call) and <paramref name="overrides"/> (a <see langword="null"/> value removes the key), plus unrelated sections.
    /// </summary>
    public static IConfigurationRoot Root(params (string Key, string? Value)[] overrides)
    {
        var pingOne = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Region"] = "EU",
            ["EnvironmentId"] = Wire.EnvironmentId,
            ["ClientId"] = Wire.ClientId,
            ["ClientSecret"] = Wire.ClientSecret,
            ["Retry:MaxAttempts"] = "1",
        };
        foreach (var (key, value) in overrides)
        {
            if (value is null) pingOne.Remove(key);
            else pingOne[key] = value;
        }
        var values = pingOne.ToDictionary(setting => "PingOne:" + setting.Key, setting => setting.Value);
        values["Logging:LogLevel:Default"] = "Information";
        values["ConnectionStrings:Orders"] = "Server=db;Database=orders";
        return Other(values);
    }

    /// <summary>A configuration of exactly <paramref name="values"/>.</summary>
    public static IConfigurationRoot Other(IDictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    /// <summary>
    /// A container with the client registered from <paramref name="configuration"/> and <paramref name="mock"/>
    /// as the network; <paramref name="configure"/> adds to the returned builder, <paramref name="services"/> to the container.
    /// </summary>
    public static ServiceProvider Build(PingOneMock mock, IConfiguration configuration, Action<IHttpClientBuilder>? configure = null, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        var builder = collection.AddPingOneMfaClient(configuration).ConfigurePrimaryHttpMessageHandler(() => mock.Handler);
        configure?.Invoke(builder);
        return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
