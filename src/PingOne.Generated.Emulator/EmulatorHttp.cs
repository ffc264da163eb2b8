using System.Text;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;

namespace PingOne.Generated.Emulator;

/// <summary>What every resource of the emulator writes and reads the same way: PingOne's JSON, its error shape, its addresses.</summary>
internal static class EmulatorHttp
{
    public static readonly JsonSerializerSettings Json = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateFormatString = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'",
    };

    public static string BaseUrl(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}/";

    public static string UsersUrl(HttpContext context, string environmentId, string userId) => $"{BaseUrl(context)}v1/environments/{environmentId}/users/{userId}";

    public static string? MediaType(HttpContext context) => context.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();

    // PingOne's timestamps have millisecond precision.
    public static DateTimeOffset Millis(DateTimeOffset at)
    {
        at = at.ToUniversalTime();
        return at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMillisecond));
    }

    public static async Task<string> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(context.RequestAborted);
    }

    public static PingOneErrorDetail Detail(string code, string target, string message) => new() { Code = code, Target = target, Message = message };

    public static Task InvalidDataAsync(HttpContext context, params PingOneErrorDetail[] details) =>
        WriteAsync(context, 400, new PingOneError
        {
            Id = Guid.NewGuid().ToString(),
            Code = "INVALID_DATA",
            Message = "The request could not be completed. One or more validation errors were in the request.",
            Details = details.ToList(),
        });

    public static Task DeviceNotFoundAsync(HttpContext context) =>
        ErrorAsync(context, 404, "NOT_FOUND", "The request could not be completed. The device was not found.");

    public static Task UnsupportedMediaTypeAsync(HttpContext context) =>
        ErrorAsync(context, 415, "INVALID_REQUEST", "The request could not be completed. The content type is not supported for this operation.");

    public static Task ErrorAsync(HttpContext context, int status, string code, string message) =>
        WriteAsync(context, status, new PingOneError { Id = Guid.NewGuid().ToString(), Code = code, Message = message });

    public static async Task WriteAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonConvert.SerializeObject(body, Json), context.RequestAborted);
    }
}
