using PingOne.Generated.Cli;

return await CliApp.RunAsync(args, Console.In, Console.Out, Console.Error, Environment.GetEnvironmentVariable, listenToSignals: true);
