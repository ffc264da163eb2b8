using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using static PingOne.Generated.Emulator.EmulatorHttp;

namespace PingOne.Generated.Emulator;

/// <summary>
/// What every API request goes through before its operation (injected faults, the bearer token, the environment and
/// user of its path) and the spec check of request bodies, shared by every resource.
/// </summary>
internal sealed class ApiGate
{
    private readonly EmulatorState _state;
    private readonly FaultInjector _faults;
    private readonly SpecContract _contract;
    private readonly EmulatorOptions _options;
    private readonly TimeProvider _time;

    public ApiGate(EmulatorState state, FaultInjector faults, SpecContract contract, EmulatorOptions options, TimeProvider time)
    {
        _state = state;
        _faults = faults;
        _contract = contract;
        _options = options;
        _time = time;
    }

    // What every API request goes through before its operation: faults, authentication, the environment and user.
    public async Task RunAsync(HttpContext context, Func<HttpContext, string, string, Task> operation)
    {
        if (_options.Latency > TimeSpan.Zero) await Task.Delay(_options.Latency, _time, context.RequestAborted);
        if (_faults.DropConnection()) { context.Abort(); return; }
        if (_faults.IsRateLimited(_time.GetUtcNow()))
        {
            context.Response.Headers.RetryAfter = "1";
            await ErrorAsync(context, 429, "REQUEST_LIMITED", "The request could not be completed. The request was rate limited.");
            return;
        }
        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !_state.IsValidToken(authorization.Substring(7), _time.GetUtcNow()))
        {
            await ErrorAsync(context, 401, "ACCESS_FAILED", "The request could not be completed. The access token is missing, invalid or expired.");
            return;
        }
        var environmentId = (string)context.Request.RouteValues["envId"]!;
        // Environment-level operations (MFA settings) have no user in their path.
        var userId = context.Request.RouteValues["userId"] as string ?? string.Empty;
        if (!_state.IsKnownEnvironment(environmentId) || (context.Request.RouteValues.ContainsKey("userId") && !_state.IsKnownUser(userId)))
        {
            await ErrorAsync(context, 404, "NOT_FOUND", "The request could not be completed. The requested resource was not found.");
            return;
        }
        if (_faults.ServerError()) { await ErrorAsync(context, 500, "UNEXPECTED_ERROR", "An unexpected error occurred."); return; }
        await operation(context, environmentId, userId);
    }

    // Answers 400 for a body the spec rejects, naming each field at fault.
    public async Task<bool> PassesSpecAsync(HttpContext context, string operationId, string body)
    {
        IReadOnlyList<(string Target, string Problem)> problems;
        try
        {
            problems = _contract.CheckRequest(operationId, body);
        }
        catch (JsonException)
        {
            await ErrorAsync(context, 400, "INVALID_REQUEST", "The request could not be completed. The request body is not valid JSON.");
            return false;
        }
        if (problems.Count == 0) return true;
        await InvalidDataAsync(context, problems.Select(p => Detail(p.Problem.Contains("Required", StringComparison.Ordinal) ? "REQUIRED_VALUE" : "INVALID_VALUE", p.Target, $"The value does not match the spec ({p.Problem}).")).ToArray());
        return false;
    }
}
