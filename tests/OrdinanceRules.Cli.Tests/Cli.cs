using Spectre.Console;

namespace OrdinanceRules.Cli.Tests;

/// <summary>What one run of the command line wrote, and its exit code.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Errors)
{
    public string[] OutputLines => Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    public string[] ErrorLines => Errors.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}

/// <summary>Runs <see cref="CliApp"/> the way <c>Program</c> does, over a console that writes to a string.</summary>
internal static class Cli
{
    /// <summary>Runs with output redirected (no ANSI escapes, no colours, as when piped to a file), from the repository's root.</summary>
    public static CliResult Run(params string[] args) => Run(AnsiSupport.No, args);

    /// <summary>Runs as <see cref="Run(string[])"/> does, as if started in <paramref name="workingFolder"/>.</summary>
    public static CliResult RunIn(string workingFolder, params string[] args) => Run(AnsiSupport.No, workingFolder, args);

    /// <summary>Runs as <c>Program</c> does, through <see cref="CliApp.Start"/>, with this standard input and environment.</summary>
    public static CliResult Start(string input, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        Start(System.Text.Encoding.UTF8.GetBytes(input), environment, args);

    /// <summary>Runs as <c>Program</c> does, with these bytes on standard input.</summary>
    public static CliResult Start(byte[] input, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = CliApp.Start(args, output, errors, new MemoryStream(input), name => environment?.GetValueOrDefault(name));
        return new CliResult(exitCode, output.ToString(), errors.ToString());
    }

    public static CliResult Run(AnsiSupport ansi, params string[] args) => Run(ansi, Samples.Root, args);

    private static CliResult Run(AnsiSupport ansi, string workingFolder, string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = ansi,
            ColorSystem = ansi == AnsiSupport.No ? ColorSystemSupport.NoColors : ColorSystemSupport.Standard,
            Out = new AnsiConsoleOutput(output),
        });

        var exitCode = CliApp.Run(args, console, errors, workingFolder: workingFolder);
        return new CliResult(exitCode, output.ToString(), errors.ToString());
    }
}
