using System.Text;
using System.Text.Json.Serialization;

namespace PingOne.Generated.Benchmarks;

// The same create call as a team would write it by hand, without this package: the baselines.

internal sealed record PolicyRef([property: JsonPropertyName("id")] string Id);

internal sealed record VoiceRequest(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("phone")] string Phone,
    [property: JsonPropertyName("extension")] string? Extension,
    [property: JsonPropertyName("policy")] PolicyRef Policy);

public sealed class IdRef
{
    [JsonPropertyName("id")] public string? Id { get; set; }
}

public sealed class Href
{
    [JsonPropertyName("href")] public string? Value { get; set; }
}

public sealed class Links
{
    [JsonPropertyName("self")] public Href? Self { get; set; }
    [JsonPropertyName("environment")] public Href? Environment { get; set; }
    [JsonPropertyName("user")] public Href? User { get; set; }
}

public sealed class VoiceResponse
{
    [JsonPropertyName("_links")] public Links? Links { get; set; }
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("environment")] public IdRef? Environment { get; set; }
    [JsonPropertyName("user")] public IdRef? User { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("phone")] public string? Phone { get; set; }
    [JsonPropertyName("extension")] public string? Extension { get; set; }
    [JsonPropertyName("createdAt")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonPropertyName("updatedAt")] public DateTimeOffset? UpdatedAt { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(VoiceRequest))]
[JsonSerializable(typeof(VoiceResponse))]
internal sealed partial class HandWrittenJson : JsonSerializerContext
{
}

internal static class HandWrittenCalls
{
    public static async Task<VoiceResponse> SystemTextJsonAsync(HttpClient http, string url, VoiceRequest request)
    {
        using var content = new StringContent(System.Text.Json.JsonSerializer.Serialize(request, HandWrittenJson.Default.VoiceRequest), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(url, content);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        return (await System.Text.Json.JsonSerializer.DeserializeAsync(stream, HandWrittenJson.Default.VoiceResponse))!;
    }

    public static async Task<VoiceResponse> NewtonsoftAsync(HttpClient http, string url, VoiceRequest request)
    {
        using var content = new StringContent(Newtonsoft.Json.JsonConvert.SerializeObject(request, NewtonsoftSettings), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(url, content);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = new Newtonsoft.Json.JsonTextReader(new StreamReader(stream));
        return Newtonsoft.Json.JsonSerializer.Create(NewtonsoftSettings).Deserialize<NewtonsoftResponse>(reader)!.ToResponse();
    }

    private static readonly Newtonsoft.Json.JsonSerializerSettings NewtonsoftSettings = new()
    {
        NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore,
        ContractResolver = new Newtonsoft.Json.Serialization.DefaultContractResolver { NamingStrategy = new Newtonsoft.Json.Serialization.CamelCaseNamingStrategy() },
    };

    // Json.NET ignores System.Text.Json's attributes; this twin carries its own names.
    private sealed class NewtonsoftResponse
    {
        [Newtonsoft.Json.JsonProperty("_links")] public Links? Links { get; set; }
        public string? Id { get; set; }
        public IdRef? Environment { get; set; }
        public IdRef? User { get; set; }
        public string? Type { get; set; }
        public string? Status { get; set; }
        public string? Phone { get; set; }
        public string? Extension { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }

        public VoiceResponse ToResponse() => new()
        {
            Links = Links, Id = Id, Environment = Environment, User = User, Type = Type, Status = Status,
            Phone = Phone, Extension = Extension, CreatedAt = CreatedAt, UpdatedAt = UpdatedAt,
        };
    }
}
