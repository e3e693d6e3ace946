using OrdinanceRules.Cli;

return CliApp.Start(args, Console.Out, Console.Error, Console.In, Environment.GetEnvironmentVariable);
