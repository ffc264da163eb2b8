using System.CommandLine;
using Newtonsoft.Json;

namespace PingOne.Generated.Cli;

/// <summary><c>get</c>, <c>list</c>, <c>delete</c>, <c>rename</c>, <c>activate</c>, <c>order</c>, <c>block</c>, <c>unblock</c> and <c>unlock</c>: the rest of a voice device's life.</summary>
internal static class DeviceCommands
{
    private static readonly Option<string> Device = new("--device") { Description = "The device's id.", Required = true };
    private static readonly Option<string> Nickname = new("--nickname") { Description = "The new nickname; an empty string clears it.", Required = true };
    private static readonly Option<string> Otp = new("--otp") { Description = "The one-time password the user received.", Required = true };
    private static readonly Option<bool> First = new("--first") { Description = "Move the device first: it becomes the user's default device (the others keep their order). Required: it is the one ordering offered." };

    public static IEnumerable<Command> Build(CliContext cli)
    {
        yield return Command(cli, "get", "Print one of a user's devices as JSON.", new Option[] { Device },
            (c, user, r, ct) => c.Client.GetDeviceAsync(c.EnvironmentId, user, r.GetValue(Device)!, ct));
        yield return Command(cli, "list", "Print a user's devices as a JSON array.", Array.Empty<Option>(),
            async (c, user, r, ct) => (object)await c.Client.ListDevicesAsync(c.EnvironmentId, user, ct).ConfigureAwait(false));
        yield return Command(cli, "delete", "Delete one of a user's devices.", new Option[] { Device },
            async (c, user, r, ct) =>
            {
                await c.Client.DeleteDeviceAsync(c.EnvironmentId, user, r.GetValue(Device)!, ct).ConfigureAwait(false);
                return new { deleted = r.GetValue(Device) };
            });
        yield return Command(cli, "rename", "Change a device's nickname and print PingOne's answer (the nickname and a link to the device).", new Option[] { Device, Nickname },
            (c, user, r, ct) => c.Client.UpdateNicknameAsync(c.EnvironmentId, user, r.GetValue(Device)!, r.GetValue(Nickname)!, ct));
        yield return Command(cli, "activate", "Activate a device with the OTP sent to it and print the device.", new Option[] { Device, Otp },
            (c, user, r, ct) => c.Client.ActivateDeviceAsync(c.EnvironmentId, user, r.GetValue(Device)!, r.GetValue(Otp)!, ct));
        yield return Command(cli, "order", "Make a device the user's default (--first): list the devices, move it first, set that order, and print the order sent.", new Option[] { Device, First },
            async (c, user, r, ct) => r.GetValue(First)
                ? (object)new { order = await c.Client.MakeDefaultDeviceAsync(c.EnvironmentId, user, r.GetValue(Device)!, ct).ConfigureAwait(false) }
                : throw new ArgumentException("order needs --first: it makes the device the user's default (the first of the order)."));
        yield return Command(cli, "block", "Block one of a user's devices (block.status BLOCKED).", new Option[] { Device },
            async (c, user, r, ct) =>
            {
                await c.Client.BlockDeviceAsync(c.EnvironmentId, user, r.GetValue(Device)!, ct).ConfigureAwait(false);
                return new { blocked = r.GetValue(Device) };
            });
        yield return Command(cli, "unblock", "Unblock one of a user's devices (block.status UNBLOCKED).", new Option[] { Device },
            async (c, user, r, ct) =>
            {
                await c.Client.UnblockDeviceAsync(c.EnvironmentId, user, r.GetValue(Device)!, ct).ConfigureAwait(false);
                return new { unblocked = r.GetValue(Device) };
            });
        yield return Command(cli, "unlock", "Unlock a device locked after too many failed attempts (lock.status UNLOCKED).", new Option[] { Device },
            async (c, user, r, ct) =>
            {
                await c.Client.UnlockDeviceAsync(c.EnvironmentId, user, r.GetValue(Device)!, ct).ConfigureAwait(false);
                return new { unlocked = r.GetValue(Device) };
            });
    }

    private static Command Command<T>(CliContext cli, string name, string description, Option[] options, Func<PingOneConnection, string, ParseResult, CancellationToken, Task<T>> run)
    {
        var command = new Command(name, description);
        foreach (var option in options.Prepend(UserOptions.User).Concat(PingOneSettings.All)) command.Options.Add(option);
        command.SetAction((result, cancellationToken) => cli.GuardAsync(async () =>
        {
            await using var connection = await PingOneConnection.OpenAsync(PingOneSettings.From(result, cli.Environment), new PhoneNormalizationOptions(), cli.Error, cancellationToken).ConfigureAwait(false);
            var user = UserOptions.UserId(result, connection);
            var output = await run(connection, user, result, cancellationToken).ConfigureAwait(false);
            await cli.Output.WriteLineAsync(JsonConvert.SerializeObject(output, CliContext.Json)).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
