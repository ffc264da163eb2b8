namespace PingOne.Generated.Cli;

/// <summary>PingOne's rules for a device's fields that the CLI checks before sending, in every command that sends them.</summary>
internal static class DeviceRules
{
    /// <summary>The longest nickname PingOne stores (the client refuses a longer one in <c>UpdateNicknameAsync</c>; create and enroll check it here).</summary>
    public const int MaxNicknameLength = 100;

    /// <summary>Why <paramref name="nickname"/> cannot be sent, or <see langword="null"/>.</summary>
    /// <param name="nickname">The nickname.</param>
    /// <param name="subject">Where it came from: <c>--nickname</c>, or <c>the nickname cell</c>.</param>
    public static string? NicknameProblem(string? nickname, string subject) =>
        nickname is { Length: > MaxNicknameLength } ? $"{subject} has {nickname.Length} characters; PingOne takes at most {MaxNicknameLength}" : null;
}
