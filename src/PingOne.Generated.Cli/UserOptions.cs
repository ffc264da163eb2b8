using System.CommandLine;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.Cli;

/// <summary><c>--user</c>, the same on every device command, and its default with <c>--emulator</c>.</summary>
internal static class UserOptions
{
    public static readonly Option<string?> User = new("--user") { Description = "The user's id (with --emulator, defaults to the emulator's seed user)." };

    /// <summary>The user: given, or the emulator's seed user with <c>--emulator</c>.</summary>
    /// <exception cref="UsageException">No user was given and the emulator is not in use, or the user is not an id.</exception>
    public static string UserId(ParseResult result, PingOneConnection connection) =>
        result.GetValue(User) is { Length: > 0 } user ? Ids.Require(user, User.Name)
        : connection.IsEmulated ? EmulatorSeed.UserId
        : throw new UsageException("--user is required (it defaults to the emulator's seed user only with --emulator).");
}
