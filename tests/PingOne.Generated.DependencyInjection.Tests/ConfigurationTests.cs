using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PingOne.Generated.DependencyInjection.Tests;

public class ConfigurationTests
{
    [Test]
    public void PingOneSection_IsBound()
    {
        var root = Settings.Root(("PhoneNormalization:DefaultRegion", "US"), ("PhoneNormalization:Validation", "Possible"),
            ("Retry:MaxAttempts", "2"), ("Retry:BaseDelay", "00:00:02"), ("Retry:SafeRetry", "true"), ("TokenEndpointAuthMethod", "ClientSecretPost"));
        using var services = Settings.Build(new PingOneMock(), root.GetSection("PingOne"));

        var options = services.GetRequiredService<IOptions<PingOneMfaClientOptions>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(options.Region, Is.SameAs(PingOneRegion.Europe));
            Assert.That(options.EnvironmentId, Is.EqualTo(Wire.EnvironmentId));
            Assert.That(options.ClientId, Is.EqualTo(Wire.ClientId));
            Assert.That(options.ClientSecret, Is.EqualTo(Wire.ClientSecret));
            Assert.That(options.TokenEndpointAuthMethod, Is.EqualTo(TokenEndpointAuthMethod.ClientSecretPost));
            Assert.That(options.PhoneNormalization.DefaultRegion, Is.EqualTo("US"));
            Assert.That(options.PhoneNormalization.Validation, Is.EqualTo(PhoneValidation.Possible));
            Assert.That(options.Retry.MaxAttempts, Is.EqualTo(2));
            Assert.That(options.Retry.BaseDelay, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(options.Retry.SafeRetry, Is.True);
        });
    }

    [Test]
    public void RootConfiguration_BindsItsPingOneChildSection()
    {
        using var services = Settings.Build(new PingOneMock(), Settings.Root(("ApiBaseAddress", "https://mfa.example.com/v1")));

        var options = services.GetRequiredService<IOptions<PingOneMfaClientOptions>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(options.Region, Is.SameAs(PingOneRegion.Europe));
            Assert.That(options.ClientId, Is.EqualTo(Wire.ClientId));
            Assert.That(options.ApiBaseAddress, Is.EqualTo(new Uri("https://mfa.example.com/v1")));
        });
    }

    [Test]
    public void SectionUnderAnotherName_WithTheSettingsAtItsTopLevel_IsBound()
    {
        var configuration = Settings.Other(new Dictionary<string, string?>
        {
            ["Mfa:Region"] = "Canada",
            ["Mfa:AccessToken"] = "held-token",
        });
        using var services = Settings.Build(new PingOneMock(), configuration.GetSection("Mfa"));

        var options = services.GetRequiredService<IOptions<PingOneMfaClientOptions>>().Value;

        Assert.That(options.Region, Is.SameAs(PingOneRegion.Canada));
        Assert.That(options.AccessToken, Is.EqualTo("held-token"));
    }

    [TestCase(null)]
    [TestCase("Logging")]
    public void ConfigurationWithoutPingOneSettings_ThrowsAtRegistrationSayingWhatToPass(string? section)
    {
        IConfiguration configuration = Settings.Other(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["ConnectionStrings:Orders"] = "Server=db;Database=orders",
        });
        if (section is not null) configuration = configuration.GetSection(section);
        var services = new ServiceCollection();

        var error = Assert.Throws<ArgumentException>(() => services.AddPingOneMfaClient(configuration));

        Assert.That(error!.ParamName, Is.EqualTo("configuration"));
        Assert.That(error.Message, Does.Contain("Pass configuration.GetSection(\"PingOne\"), or a configuration that has a PingOne section"));
        Assert.That(services, Is.Empty, "nothing is registered from a configuration that was refused");
    }

    [Test]
    public void PingOneSectionMissingFromThisEnvironment_IsBoundAndFailsStartUpValidationNamingTheSettings()
    {
        // What the README says to pass, on a machine whose configuration lacks the section: the settings are missing, not the call.
        var configuration = Settings.Other(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" });
        using var services = Settings.Build(new PingOneMock(), configuration.GetSection("PingOne"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Failures, Has.Some.StartsWith("PingOne:EnvironmentId is required"));
        Assert.That(error.Failures, Has.Some.StartsWith("PingOne:ClientId is required"));
    }

    [Test]
    public void MissingClientId_FailsStartUpValidationNamingTheSetting()
    {
        using var services = Settings.Build(new PingOneMock(), Settings.Root(("ClientId", null)).GetSection("PingOne"));

        // What the host runs when it starts (ValidateOnStart).
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Failures, Is.EqualTo(new[] { "PingOne:ClientId is required for the client-credentials grant (or set PingOne:AccessToken)." }));
        Assert.That(error.Message, Does.Contain("PingOne:ClientId is required"));
        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<PingOneMfaClient>(), "without a host, resolving the client fails the same way");
    }

    [Test]
    public void SettingsInCode_AreValidatedAtStartUpNamingEachSetting()
    {
        var collection = new ServiceCollection();
        collection.AddPingOneMfaClient(options => options.Region = PingOneRegion.Europe);
        using var services = collection.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Failures, Has.Some.StartsWith("PingOne:EnvironmentId is required"));
        Assert.That(error.Failures, Has.Some.StartsWith("PingOne:ClientId is required"));
        Assert.That(error.Failures, Has.Some.StartsWith("PingOne:ClientSecret is required"));
    }

    [TestCase("ApiBaseAddress", "http://api.example.com/v1", "PingOne:ApiBaseAddress must use https")]
    [TestCase("AuthBaseAddress", "http://127.0.0.1:9000", "PingOne:AllowHttpOnLoopback")]
    [TestCase("Retry:MaxAttempts", "0", "PingOne:Retry:MaxAttempts must be at least 1")]
    [TestCase("AccessToken", "both", "PingOne:AccessToken and PingOne:ClientId/ClientSecret are both set")]
    public void InvalidSetting_FailsStartUpValidationNamingIt(string key, string value, string expected)
    {
        using var services = Settings.Build(new PingOneMock(), Settings.Root((key, value)));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Does.Contain(expected));
    }

    [Test]
    public void UnknownRegion_IsRejectedNamingTheValue()
    {
        using var services = Settings.Build(new PingOneMock(), Settings.Root(("Region", "Atlantis")));

        var error = Assert.Catch(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.ToString(), Does.Contain("Atlantis").And.Contain("PingOne:Region"));
    }
}
