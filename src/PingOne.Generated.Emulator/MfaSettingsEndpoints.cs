using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json;
using static PingOne.Generated.Emulator.EmulatorHttp;

namespace PingOne.Generated.Emulator;

/// <summary>The environment's MFA settings: read, update (a full replacement) and reset, over <see cref="EmulatorMfaSettings"/>.</summary>
internal sealed class MfaSettingsEndpoints
{
    private const string Path = "/v1/environments/{envId}/mfaSettings";
    private readonly ApiGate _gate;
    private readonly EmulatorMfaSettings _settings;

    public MfaSettingsEndpoints(ApiGate gate, EmulatorMfaSettings settings)
    {
        _gate = gate;
        _settings = settings;
    }

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Path, context => _gate.RunAsync(context, GetSettingsAsync));
        app.MapPut(Path, context => _gate.RunAsync(context, UpdateSettingsAsync));
        app.MapDelete(Path, context => _gate.RunAsync(context, ResetSettingsAsync));
    }

    private Task GetSettingsAsync(HttpContext context, string environmentId, string userId) =>
        WriteAsync(context, 200, _settings.Read(environmentId, BaseUrl(context)));

    private async Task UpdateSettingsAsync(HttpContext context, string environmentId, string userId)
    {
        var body = await ReadBodyAsync(context);
        if (!await _gate.PassesSpecAsync(context, "updateMfaSettings", body)) return;
        var sent = JsonConvert.DeserializeObject<MfaSettings>(body)!;
        await WriteAsync(context, 200, _settings.Replace(environmentId, sent, BaseUrl(context)));
    }

    // Reset: back to the settings the environment started with (the emulator's platform defaults, from EmulatorOptions).
    private Task ResetSettingsAsync(HttpContext context, string environmentId, string userId) =>
        WriteAsync(context, 200, _settings.Reset(environmentId, BaseUrl(context)));
}
