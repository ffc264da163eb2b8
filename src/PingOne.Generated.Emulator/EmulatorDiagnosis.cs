using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PingOne.Generated.Emulator;

/// <summary>
/// What lets a diagnosis tool be tried against the emulator: operations answered <c>403</c> as PingOne answers a worker app that
/// lacks the role (<see cref="EmulatorOptions.DeniedOperations"/>), and answers that drift from the spec
/// (<see cref="EmulatorOptions.AnswerDrift"/>). A middleware in front of the endpoints, so they stay as PingOne documents them.
/// </summary>
public static class EmulatorDiagnosis
{
    /// <summary>The <c>message</c> of the emulator's <c>403</c> answer.</summary>
    public const string ForbiddenMessage = "The request could not be completed. You do not have access to this resource.";

    internal static Func<HttpContext, RequestDelegate, Task> Middleware(EmulatorOptions options, EmulatorState state, SpecContract contract, TimeProvider time) =>
        async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/v1", out var apiPath)) { await next(context); return; }
            if (options.DeniedOperations.Count > 0 && IsAuthenticated(context, state, time)
                && contract.OperationOf(context.Request.Method, apiPath.Value ?? "/", context.Request.ContentType?.Split(';')[0].Trim()) is { } operation
                && options.DeniedOperations.Contains(operation))
            {
                await ForbiddenAsync(context);
                return;
            }
            if (options.AnswerDrift is not { } drift) { await next(context); return; }

            var original = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = original;
            }
            buffer.Position = 0;
            if (context.Response.StatusCode is >= 200 and < 300 && context.Response.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true && buffer.Length > 0)
            {
                var answer = JToken.Parse(await new StreamReader(buffer).ReadToEndAsync(context.RequestAborted));
                Drift(answer, drift);
                var bytes = System.Text.Encoding.UTF8.GetBytes(answer.ToString(Formatting.None));
                context.Response.ContentLength = bytes.Length;
                await original.WriteAsync(bytes, context.RequestAborted);
                return;
            }
            await buffer.CopyToAsync(original, context.RequestAborted);
        };

    // PingOne checks the token before the roles: an unauthenticated request stays the endpoints' 401.
    private static bool IsAuthenticated(HttpContext context, EmulatorState state, TimeProvider time)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.Ordinal) && state.IsValidToken(authorization.Substring(7), time.GetUtcNow());
    }

    // PingOne's 403 (ForbiddenError in Ping's OpenAPI document): code ACCESS_FAILED, detail INSUFFICIENT_PERMISSIONS.
    private static Task ForbiddenAsync(HttpContext context) =>
        EmulatorHttp.WriteAsync(context, 403, new PingOneError
        {
            Id = Guid.NewGuid().ToString(),
            Code = "ACCESS_FAILED",
            Message = ForbiddenMessage,
            Details = new List<PingOneErrorDetail> { new() { Code = "INSUFFICIENT_PERMISSIONS", Message = "The actor does not have the permissions this operation needs." } },
        });

    // The answer object itself, and each object of an embedded list (a page of devices).
    private static void Drift(JToken answer, EmulatorAnswerDrift drift)
    {
        if (answer is not JObject root) return;
        var targets = new List<JObject> { root };
        if (root["_embedded"] is JObject embedded)
            targets.AddRange(embedded.Properties().Select(p => p.Value).OfType<JArray>().SelectMany(list => list.OfType<JObject>()));
        foreach (var target in targets)
        {
            target[drift.AddedProperty] = drift.AddedValue;
            target.Remove(drift.DroppedProperty);
        }
    }
}
