using OrdinanceRules.Cli;

return CliApp.Start(args, Console.Out, Console.Error, Console.OpenStandardInput(), Environment.GetEnvironmentVariable);
