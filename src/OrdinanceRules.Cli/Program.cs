using OrdinanceRules.Cli;

return CliApp.Run(args, Spectre.Console.AnsiConsole.Console, Console.Error);
