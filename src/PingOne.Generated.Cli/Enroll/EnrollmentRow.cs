using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace PingOne.Generated.Cli.Enroll;

/// <summary>One data row of the enrollment spreadsheet, with the line it starts on.</summary>
internal sealed record EnrollmentRow(int Line, string? UserId, string? Phone, string? Extension, string? Nickname, string? PolicyId);

/// <summary>How a row ended.</summary>
internal static class RowStatus
{
    public const string Started = "started";
    public const string Created = "created";
    public const string Exists = "exists";
    public const string Invalid = "invalid";
    public const string Failed = "failed";
    public const string Valid = "valid";

    /// <summary>Rows that a later run must not touch again.</summary>
    public static bool IsFinal(string status) => status is Created or Exists or Invalid;
}

/// <summary>What happened to a row; also a journal line. A failed row carries the kind of failure, which decides the exit code.</summary>
internal sealed record RowResult(int Line, string? UserId, string Status, string? DeviceId = null, string? Error = null,
    [property: JsonConverter(typeof(StringEnumConverter))] PingOneFailureKind? Kind = null);
