using Newtonsoft.Json.Linq;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.Cli.Doctor;

/// <summary>
/// The doctor's checks against one connection, in the order a setup fails: token, MFA settings, device policy, the user's devices,
/// then (asked for) a test device's whole life. Every answer PingOne gives is held against the spec the client is generated from.
/// </summary>
internal sealed class DoctorChecks
{
    /// <summary>The nickname of the <c>--write-test</c> device (followed by the run's own suffix), so an administrator can tell it apart if cleanup ever fails.</summary>
    public const string TestNickname = "pingone-voice doctor";

    private readonly PingOneConnection _connection;
    private readonly DoctorRecorder _recorder;
    private readonly DoctorReport _report;
    private readonly SpecContract _contract;
    private readonly TimeProvider _time;
    private PingOneException? _lastError;

    public DoctorChecks(PingOneConnection connection, DoctorRecorder recorder, DoctorReport report, SpecContract contract, TimeProvider time)
    {
        _connection = connection;
        _recorder = recorder;
        _report = report;
        _contract = contract;
        _time = time;
    }

    private string EnvironmentId => _connection.EnvironmentId;

    /// <summary>The token (read from the first call) and the environment's MFA settings.</summary>
    public async Task TokenAndMfaSettingsAsync(CancellationToken cancellationToken)
    {
        _recorder.Take();
        var (settings, error) = await CallAsync(() => _connection.Client.GetMfaSettingsAsync(EnvironmentId, cancellationToken)).ConfigureAwait(false);
        var exchanges = _recorder.Take();
        var tokenOk = await TokenAsync(exchanges, error).ConfigureAwait(false);
        if (error is not null && !tokenOk) return; // the token line said it; the settings line would only repeat it
        await ReportAsync("mfa settings", "getMfaSettings", error,
            () => $"read: at most {settings!.Pairing?.MaxAllowedDevices?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} devices per user, phone extensions {(settings.PhoneExtensions?.Enabled == true ? "enabled" : "disabled")}").ConfigureAwait(false);
        await DriftAsync("getMfaSettings", exchanges).ConfigureAwait(false);
    }

    /// <summary>The device authentication policy exists and allows voice devices.</summary>
    public async Task PolicyAsync(string policyId, CancellationToken cancellationToken)
    {
        _recorder.Take();
        var (policy, error) = await CallAsync(() => _connection.Client.GetDeviceAuthenticationPolicyAsync(EnvironmentId, policyId, cancellationToken)).ConfigureAwait(false);
        var exchanges = _recorder.Take();
        if (policy is not null && !policy.AllowsVoice)
            await _report.ProblemAsync("device policy", $"policy '{policy.Name}' ({policyId}) does not allow voice devices (voice.enabled is not true): enable Voice in it (PingOne console: Authentication > MFA Policies) or give another --policy.", "readDeviceAuthenticationPolicy").ConfigureAwait(false);
        else if (policy?.Voice?.PairingDisabled == true)
            await _report.ProblemAsync("device policy", $"policy '{policy.Name}' ({policyId}) allows voice but disables pairing new voice devices (voice.pairingDisabled): turn pairing on or give another --policy.", "readDeviceAuthenticationPolicy").ConfigureAwait(false);
        else
            await ReportAsync("device policy", "readDeviceAuthenticationPolicy", error, () => $"policy '{policy!.Name}' ({policyId}) exists and allows voice devices",
                notFound: $"no device authentication policy {policyId} in environment {EnvironmentId}: check --policy (PingOne console: Authentication > MFA Policies)").ConfigureAwait(false);
        await DriftAsync("readDeviceAuthenticationPolicy", exchanges).ConfigureAwait(false);
    }

    /// <summary>The user's devices can be listed.</summary>
    public async Task UserDevicesAsync(string userId, CancellationToken cancellationToken)
    {
        _recorder.Take();
        var (devices, error) = await CallAsync(() => _connection.Client.ListDevicesAsync(EnvironmentId, userId, cancellationToken)).ConfigureAwait(false);
        var exchanges = _recorder.Take();
        await ReportAsync("user devices", "listDevices", error,
            () => $"user {userId} has {devices!.Count} device(s), {devices.Count(d => string.Equals(d.Type, "VOICE", StringComparison.OrdinalIgnoreCase))} of them voice",
            notFound: $"no user {userId} in environment {EnvironmentId}: check --user").ConfigureAwait(false);
        await DriftAsync("listDevices", exchanges).ConfigureAwait(false);
    }

    /// <summary>
    /// Creates a test-mode device (no call is placed), reads, renames, blocks, unblocks and deletes it, reporting each step; the device
    /// is deleted even when a step fails or the run is interrupted, including while the create's answer is still on its way.
    /// </summary>
    public async Task WriteTestAsync(string userId, string policyId, string phone, CancellationToken cancellationToken)
    {
        // A nickname of this run's own: if the create's answer never arrives (Ctrl+C, a lost connection), the device is found by it.
        var nickname = $"{TestNickname} {Guid.NewGuid().ToString("N")[..8]}";
        string? deviceId = null;
        // Until the create has an answer: a refusal means nothing was created; no answer (or an unknown outcome) means maybe.
        var mayExistWithoutId = true;
        var deleted = false;
        try
        {
            var created = await StepAsync("write test: create", "createVoiceDevice", () => _connection.Client.CreateVoiceDeviceAsync(EnvironmentId, userId, new CreateVoiceDeviceRequest
            {
                Phone = phone,
                Policy = new DevicePolicyReference { Id = policyId },
                Nickname = nickname,
                TestMode = true,
                Status = DeviceCreationStatus.Active,
            }, cancellationToken), d => $"created test-mode device {d.Id} (status {d.Status})").ConfigureAwait(false);
            mayExistWithoutId = created is null && _lastError?.Kind != PingOneFailureKind.Refused;
            if (created is null) return;
            deviceId = created.Id;
            if (await StepAsync("write test: read", "getDevice", () => _connection.Client.GetDeviceAsync(EnvironmentId, userId, deviceId, cancellationToken), d => $"read device {d.Id}").ConfigureAwait(false) is null) return;
            if (await StepAsync("write test: rename", "updateDeviceNickname", () => _connection.Client.UpdateNicknameAsync(EnvironmentId, userId, deviceId, nickname + " (renamed)", cancellationToken), n => $"renamed to '{n.Nickname}'").ConfigureAwait(false) is null) return;
            if (await StepAsync("write test: block", "blockDevice", () => Done(_connection.Client.BlockDeviceAsync(EnvironmentId, userId, deviceId, cancellationToken)), _ => "blocked").ConfigureAwait(false) is null) return;
            if (await StepAsync("write test: unblock", "unblockDevice", () => Done(_connection.Client.UnblockDeviceAsync(EnvironmentId, userId, deviceId, cancellationToken)), _ => "unblocked").ConfigureAwait(false) is null) return;
            deleted = await StepAsync("write test: delete", "deleteDevice", () => Done(_connection.Client.DeleteDeviceAsync(EnvironmentId, userId, deviceId, cancellationToken)), _ => "deleted").ConfigureAwait(false) is not null;
        }
        finally
        {
            if (!deleted && (deviceId is not null || mayExistWithoutId)) await CleanUpAsync(userId, deviceId, nickname).ConfigureAwait(false);
        }
    }

    // After a failed step or an interruption: the test device must not stay behind. Not cancellable by the run's token (Ctrl+C is
    // what may have brought us here), but bounded. Without the device's id (the create's answer never arrived), the user's devices
    // are searched for this run's nickname.
    private async Task CleanUpAsync(string userId, string? deviceId, string nickname)
    {
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            var ids = deviceId is not null ? new[] { deviceId }
                : (await _connection.Client.ListDevicesAsync(EnvironmentId, userId, bounded.Token).ConfigureAwait(false))
                    .Where(d => d.Nickname is { } name && name.StartsWith(nickname, StringComparison.Ordinal)).Select(d => d.Id).ToArray();
            foreach (var id in ids)
            {
                await _connection.Client.DeleteDeviceAsync(EnvironmentId, userId, id, bounded.Token).ConfigureAwait(false);
                await _report.OkAsync("write test: cleanup", $"deleted test device {id} after the step that did not finish", "deleteDevice").ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is PingOneException or OperationCanceledException)
        {
            var what = deviceId is not null ? $"test device {deviceId}" : $"the test device (nickname '{nickname}')";
            var how = deviceId is not null ? $"`pingone-voice delete --user {userId} --device {deviceId}`" : $"`pingone-voice list --user {userId}` and `pingone-voice delete`";
            await _report.ProblemAsync("write test: cleanup", $"could not delete {what} ({(error is PingOneException failure ? CliErrors.Describe(failure) : "no answer in 30 s")}): delete it with {how}.", "deleteDevice").ConfigureAwait(false);
        }
    }

    private async Task<T?> StepAsync<T>(string check, string operationId, Func<Task<T>> call, Func<T, string> ok) where T : class
    {
        _recorder.Take();
        var (value, error) = await CallAsync(call).ConfigureAwait(false);
        _lastError = error;
        var exchanges = _recorder.Take();
        await ReportAsync(check, operationId, error, () => ok(value!)).ConfigureAwait(false);
        await DriftAsync(operationId, exchanges).ConfigureAwait(false);
        return value;
    }

    private static async Task<object> Done(Task call)
    {
        await call.ConfigureAwait(false);
        return new object();
    }

    private static async Task<(T? Value, PingOneException? Error)> CallAsync<T>(Func<Task<T>> call) where T : class
    {
        try
        {
            return (await call().ConfigureAwait(false), null);
        }
        catch (PingOneException error)
        {
            return (null, error);
        }
    }

    private Task ReportAsync(string check, string operationId, PingOneException? error, Func<string> ok, string? notFound = null) =>
        error is null ? _report.OkAsync(check, ok(), operationId) : _report.ProblemAsync(check, Explain(error, operationId, notFound), operationId);

    private static string Explain(PingOneException error, string operationId, string? notFound) => error.Status switch
    {
        403 => $"PingOne refused {operationId} (403 {error.Error?.Code ?? "Forbidden"}): the worker app lacks the permission. Give it {PingOneRoles.For(operationId)}.",
        401 => $"PingOne did not accept the access token for {operationId} (401): see the token line; check the credentials and the environment.",
        404 when notFound is not null => notFound,
        _ when error.Kind == PingOneFailureKind.InvalidResponse => $"{operationId}: PingOne's answer could not be read as the spec describes it ({CliErrors.Describe(error)}); see the drift lines.",
        _ => $"{operationId} failed: {CliErrors.Describe(error)}",
    };

    // Every answer of the step, held against the spec's schema for its status.
    private async Task DriftAsync(string operationId, IReadOnlyList<DoctorRecorder.Exchange> exchanges)
    {
        foreach (var exchange in exchanges.Where(e => e.IsApi))
        {
            IReadOnlyList<SpecContract.Drift> drifts;
            try
            {
                drifts = _contract.CheckResponse(operationId, exchange.Status, exchange.Body);
            }
            catch (Newtonsoft.Json.JsonException)
            {
                await _report.ProblemAsync("drift", $"{operationId} answered {exchange.Status} with a body that is not JSON.", operationId).ConfigureAwait(false);
                continue;
            }
            foreach (var drift in drifts) await _report.DriftAsync(operationId, drift.SpecPath, drift.JsonPath, drift.Problem).ConfigureAwait(false);
        }
    }

    // The token line: from the token endpoint's answer and the bearer token the client sent. Returns whether the token is usable.
    private async Task<bool> TokenAsync(IReadOnlyList<DoctorRecorder.Exchange> exchanges, PingOneException? firstCallError)
    {
        if (exchanges.FirstOrDefault(e => !e.IsApi && e.Status >= 400) is { } refused)
        {
            await _report.ProblemAsync("token", $"PingOne refused the token request ({refused.Status} {OAuthError(refused.Body)}): check PINGONE_CLIENT_ID / --client-id and PINGONE_CLIENT_SECRET / --client-secret, and that the worker app belongs to environment {EnvironmentId}.").ConfigureAwait(false);
            return false;
        }
        if (_recorder.BearerToken is not { } token)
        {
            await _report.ProblemAsync("token", $"no access token could be obtained: {(firstCallError is null ? "no request reached the API" : CliErrors.Describe(firstCallError))}").ConfigureAwait(false);
            return false;
        }
        if (AccessTokenClaims.Read(token) is not { } claims)
        {
            await _report.ProblemAsync("token", "the access token is not a JWT (PingOne's access tokens are): check --access-token / PINGONE_ACCESS_TOKEN.").ConfigureAwait(false);
            return false;
        }
        if (claims.Environment is null)
        {
            await _report.ProblemAsync("token", "the access token has no env claim, so it is not for the PingOne platform API: use a token of a worker app (client credentials).").ConfigureAwait(false);
            return false;
        }
        if (!string.Equals(claims.Environment, EnvironmentId, StringComparison.OrdinalIgnoreCase))
        {
            await _report.ProblemAsync("token", $"the access token was issued in environment {claims.Environment}, but the settings name {EnvironmentId}: set PINGONE_ENVIRONMENT_ID / --environment to the worker app's environment, or use credentials of a worker app in {EnvironmentId}.").ConfigureAwait(false);
            return false;
        }
        var now = _time.GetUtcNow();
        if (claims.ExpiresAt is not { } expiresAt)
        {
            await _report.ProblemAsync("token", "the access token has no exp claim: PingOne's always do; check --access-token / PINGONE_ACCESS_TOKEN.").ConfigureAwait(false);
            return false;
        }
        if (expiresAt <= now.AddMinutes(5))
        {
            await _report.ProblemAsync("token", expiresAt <= now
                ? $"the access token expired at {expiresAt:u}: get a new one (or give client credentials, which the client renews)."
                : $"the access token expires at {expiresAt:u}, in under 5 minutes: get a new one (or give client credentials, which the client renews).").ConfigureAwait(false);
            return false;
        }
        var lifetime = claims.IssuedAt is { } issuedAt ? $", lifetime {(expiresAt - issuedAt).TotalMinutes:0} min" : string.Empty;
        if (exchanges.FirstOrDefault(e => e.IsApi && e.Status == 401) is not null)
        {
            await _report.ProblemAsync("token", $"PingOne's API refused the access token (401) although it names environment {claims.Environment} and is valid until {expiresAt:u}: the token may be revoked or from another region; check PINGONE_REGION / --pingone-region.").ConfigureAwait(false);
            return false;
        }
        await _report.OkAsync("token", $"a JWT for environment {claims.Environment}, valid until {expiresAt:u}{lifetime}").ConfigureAwait(false);
        return true;
    }

    // The OAuth error code of a refused token request (e.g. invalid_client); never the body itself.
    private static string OAuthError(string body)
    {
        try
        {
            return JToken.Parse(body) is JObject json && json.Value<string>("error") is { } code ? code : "no OAuth error code";
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return "no OAuth error code";
        }
    }
}
