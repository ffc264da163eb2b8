using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json.Linq;
using static PingOne.Generated.Emulator.EmulatorHttp;

namespace PingOne.Generated.Emulator;

/// <summary>The token endpoint: <c>POST /{envId}/as/token</c>, client credentials only.</summary>
internal sealed class TokenEndpoints
{
    private readonly EmulatorState _state;
    private readonly EmulatorOptions _options;
    private readonly TimeProvider _time;

    public TokenEndpoints(EmulatorState state, EmulatorOptions options, TimeProvider time)
    {
        _state = state;
        _options = options;
        _time = time;
    }

    public void Map(IEndpointRouteBuilder app) => app.MapPost("/{envId}/as/token", IssueTokenAsync);

    private async Task IssueTokenAsync(HttpContext context)
    {
        var environmentId = (string)context.Request.RouteValues["envId"]!;
        if (!_state.IsKnownEnvironment(environmentId)) { await ErrorAsync(context, 404, "NOT_FOUND", "The environment was not found."); return; }
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        if (form?["grant_type"].ToString() != "client_credentials")
        {
            await WriteAsync(context, 400, new JObject { ["error"] = "unsupported_grant_type", ["error_description"] = "Only client_credentials is supported." });
            return;
        }
        var (clientId, clientSecret) = Credentials(context.Request, form);
        if (clientId != EmulatorSeed.ClientId || clientSecret != EmulatorSeed.ClientSecret)
        {
            await WriteAsync(context, 401, new JObject { ["error"] = "invalid_client", ["error_description"] = "Request denied: Invalid client credentials." });
            return;
        }
        var token = _state.IssueToken(_time.GetUtcNow() + _options.TokenLifetime);
        await WriteAsync(context, 200, new JObject { ["access_token"] = token, ["token_type"] = "Bearer", ["expires_in"] = (int)_options.TokenLifetime.TotalSeconds });
    }

    private static (string? ClientId, string? ClientSecret) Credentials(HttpRequest request, IFormCollection? form)
    {
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header) && header.Scheme == "Basic" && header.Parameter is not null)
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter)).Split(':', 2);
                if (pair.Length == 2) return (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }
        return (form?["client_id"], form?["client_secret"]);
    }
}
