using System.CommandLine;

namespace PingOne.Generated.Cli;

/// <summary><c>get</c>, <c>list</c>, <c>delete</c>, <c>rename</c>, <c>activate</c>, <c>order</c>, <c>block</c>, <c>unblock</c> and <c>unlock</c>: the rest of a voice device's life.</summary>
internal static class DeviceCommands
{
    private static readonly Option<string> Device = new("--device") { Description = "The device's id.", Required = true };
    private static readonly Option<string> Nickname = new("--nickname") { Description = "The new nickname (at most 100 characters); an empty string clears it.", Required = true };
    private static readonly Option<string> Otp = new("--otp") { Description = "The one-time password the user received.", Required = true };
    private static readonly Option<bool> First = new("--first") { Description = "With --device: move the device first, so it becomes the user's default device (the others keep their order)." };
    private static readonly Option<bool> Clear = new("--clear") { Description = "Remove the user's device order (PingOne's Remove Device Order): the user no longer has a default device. Takes no --device." };
    // order takes --device only with --first, so its --device is not required (the name and meaning are those of the other commands).
    private static readonly Option<string> OrderDevice = new("--device") { Description = "The device's id (with --first)." };
    private static readonly Option<int?> Limit = NumberOptions.OptionalInt("--limit", 1, int.MaxValue, "The page size PingOne is asked for (limit, at least 1); every page is still read.");
    private static readonly Option<string?> Filter = new("--filter") { Description = "A filter PingOne applies (filter), e.g. 'type eq \"VOICE\"'; sent as is." };

    public static IEnumerable<Command> Build(CliContext cli)
    {
        yield return Command(cli, "get", "Print one of a user's devices as JSON.", new Option[] { Device },
            (c, user, r, ct) => c.Client.GetDeviceAsync(c.EnvironmentId, user, r.GetValue(Device)!, ct));
        yield return Command(cli, "list", "Print a user's devices (every page) as a JSON array; --limit and --filter are sent to PingOne.", new Option[] { Limit, Filter },
            (c, user, r, ct) => c.Client.QueryDevicesAsync(c.EnvironmentId, user, new DeviceListQuery { Limit = r.GetValue(Limit), Filter = r.GetValue(Filter) }, ct));
        yield return Command(cli, "delete", "Delete one of a user's devices.", new Option[] { Device },
            async (c, user, r, ct) =>
            {
                await c.Client.DeleteDeviceAsync(c.EnvironmentId, user, r.GetValue(Device)!, ct).ConfigureAwait(false);
                return new { deleted = r.GetValue(Device) };
            });
        yield return Command(cli, "rename", "Change a device's nickname and print PingOne's answer (the nickname and a link to the device).", new Option[] { Device, Nickname },
            (c, user, r, ct) => c.Client.UpdateNicknameAsync(c.EnvironmentId, user, r.GetValue(Device)!, r.GetValue(Nickname)!, ct),
            r => DeviceRules.NicknameProblem(r.GetValue(Nickname), Nickname.Name));
        yield return Command(cli, "activate", "Activate a device with the OTP sent to it and print the device.", new Option[] { Device, Otp },
            (c, user, r, ct) => c.Client.ActivateDeviceAsync(c.EnvironmentId, user, r.GetValue(Device)!, r.GetValue(Otp)!, ct),
            r => r.GetValue(Otp)!.Trim().Length == 0 ? "--otp is empty: give the one-time password the user received" : null);
        yield return Command(cli, "order", "Make a device the user's default (--device <id> --first: list the devices, move it first, set that order, print the order sent), or remove the user's device order (--clear).", new Option[] { OrderDevice, First, Clear },
            OrderAsync, OrderUsageProblem);
        yield return Command(cli, "block", "Block one of a user's devices (block.status BLOCKED).", new Option[] { Device },
            async (c, user, r, ct) =>
            {
                await c.Client.BlockDeviceAsync(c.EnvironmentId, user, r.GetValue(Device)!, ct).ConfigureAwait(false);
                return new { blocked = r.GetValue(Device) };
            });
        yield return Command(cli, "unblock", "Unblock one of a user's devices (block.status UNBLOCKED) and print the device PingOne answers.", new Option[] { Device },
            (c, user, r, ct) => c.Client.UnblockDeviceAsync(c.EnvironmentId, user, r.GetValue(Device)!, ct));
        yield return Command(cli, "unlock", "Unlock a device locked after too many failed attempts (lock.status UNLOCKED).", new Option[] { Device },
            async (c, user, r, ct) =>
            {
                await c.Client.UnlockDeviceAsync(c.EnvironmentId, user, r.GetValue(Device)!, ct).ConfigureAwait(false);
                return new { unlocked = r.GetValue(Device) };
            });
    }

    private static async Task<object> OrderAsync(PingOneConnection connection, string user, ParseResult result, CancellationToken cancellationToken)
    {
        if (result.GetValue(Clear))
        {
            await connection.Client.RemoveDeviceOrderAsync(connection.EnvironmentId, user, cancellationToken).ConfigureAwait(false);
            return new { orderCleared = user };
        }
        return new { order = await connection.Client.MakeDefaultDeviceAsync(connection.EnvironmentId, user, result.GetValue(OrderDevice)!, cancellationToken).ConfigureAwait(false) };
    }

    // Exactly one of --device <id> --first and --clear; anything else is a usage error (exit 1).
    private static string? OrderUsageProblem(ParseResult result) =>
        result.GetValue(Clear)
            ? result.GetValue(OrderDevice) is not null || result.GetValue(First) ? "order --clear takes neither --device nor --first: it removes the whole order." : null
            : !result.GetValue(First) || result.GetValue(OrderDevice) is null ? "order needs --device <id> --first (make the device the user's default) or --clear (remove the user's device order)." : null;

    /// <param name="usageProblem">What is wrong with the options, if anything: checked before the connection opens (and before an embedded emulator starts).</param>
    private static Command Command<T>(CliContext cli, string name, string description, Option[] options, Func<PingOneConnection, string, ParseResult, CancellationToken, Task<T>> run,
        Func<ParseResult, string?>? usageProblem = null)
    {
        var command = new Command(name, description);
        foreach (var option in options.Prepend(UserOptions.User).Concat(PingOneSettings.All)) command.Options.Add(option);
        command.SetAction(cli.Action(async (result, cancellationToken) =>
        {
            if (usageProblem?.Invoke(result) is { } problem) throw new UsageException(problem);
            // Ids are checked before the connection opens: nothing starts for a command that cannot be sent.
            foreach (var id in options.OfType<Option<string>>().Where(o => o.Name == "--device"))
                if (result.GetValue(id) is { } value) Ids.Require(value, id.Name);
            if (result.GetValue(UserOptions.User) is { Length: > 0 } given) Ids.Require(given, UserOptions.User.Name);
            await using var connection = await PingOneConnection.OpenAsync(PingOneSettings.From(result, cli.Environment), new PhoneNormalizationOptions(), cli, cancellationToken).ConfigureAwait(false);
            var user = UserOptions.UserId(result, connection);
            var output = await run(connection, user, result, cancellationToken).ConfigureAwait(false);
            await cli.WriteDataAsync(output!).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
