using System.Text;
using BenchmarkDotNet.Attributes;
using PingOne.Generated;

namespace PingOne.Generated.Benchmarks;

/// <summary>What a request pays for its token once one is cached.</summary>
[MemoryDiagnoser]
public class TokenProviderBenchmarks
{
    private static readonly Uri ApiUri = new("https://api.pingone.com/v1/environments/e/users/u/devices");
    private ClientCredentialsTokenProvider _provider = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var token = Encoding.UTF8.GetBytes("""{"access_token":"cached-token","token_type":"Bearer","expires_in":3600}""");
        var options = new PingOneMfaClientOptions { EnvironmentId = "abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6", ClientId = "id", ClientSecret = "secret" };
        _provider = new ClientCredentialsTokenProvider(new HttpClient(new InMemoryPingOne(token, System.Net.HttpStatusCode.OK)), options,
            new HostPolicy(new[] { options.EffectiveApiBaseAddress }, allowHttpOnLoopback: false), TimeProvider.System, new KnownSecrets());
        await _provider.GetAuthorizationTokenAsync(ApiUri);
    }

    [Benchmark(Description = "ClientCredentialsTokenProvider, cached token")]
    public Task<string> CachedToken() => _provider.GetAuthorizationTokenAsync(ApiUri);
}
