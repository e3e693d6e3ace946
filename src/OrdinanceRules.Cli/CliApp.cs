using OrdinanceRules.Cli.Commands;
using OrdinanceRules.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli;

/// <summary>The `ordinance` command line: its commands, and the exit codes they share.</summary>
internal static class CliApp
{
    /// <summary>No finding is a violation.</summary>
    public const int Ok = 0;

    /// <summary>At least one finding is a violation.</summary>
    public const int Violation = 1;

    /// <summary>The input was bad: a file that does not load, an option that does not parse.</summary>
    public const int BadInput = 2;

    /// <summary>The width of output that goes to a file or a pipe: wide enough that no line is wrapped.</summary>
    public const int RedirectedWidth = 10_000;

    /// <summary>Runs the command line, writing results to <paramref name="console"/> and problems to <paramref name="errors"/>.</summary>
    public static int Run(string[] args, IAnsiConsole console, TextWriter errors)
    {
        if (!console.Profile.Out.IsTerminal)
        {
            // A file or a pipe gets one line per line of the report, not lines wrapped at 80 columns.
            console.Profile.Width = RedirectedWidth;
        }

        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("ordinance");
            config.UseAssemblyInformationalVersion();
            config.ConfigureConsole(console);
            config.Settings.Registrar.RegisterInstance<TextWriter>(errors);
            config.Settings.StrictParsing = true;
            config.AddCommand<CheckCommand>("check")
                .WithDescription("Evaluate scenarios against an ordinance and print a report of findings, each citing its section.")
                .WithExample("check", "samples/ordinances/roeland-park-ks.yaml", "samples/scenarios/roeland-park/p2-detainer-hold-violated.yaml")
                .WithExample("check", "samples/ordinances/roeland-park-ks.yaml", "samples/scenarios/roeland-park/p3-no-notice-yet-pending.yaml", "--format", "json");
            config.AddCommand<TestCommand>("test")
                .WithDescription("Run test suites: check each case's findings against what it expects; optionally measure outcome coverage and write JUnit XML.")
                .WithExample("test", "samples/tests/roeland-park/roeland-park.suite.yaml")
                .WithExample("test", "samples/tests", "--coverage", "--min-coverage", "100", "--junit", "results.xml");
            config.AddCommand<CompareCommand>("compare")
                .WithDescription("Evaluate every scenario of a folder under several ordinances and print a matrix, scenario by ordinance, marking the scenarios on which they differ.")
                .WithExample("compare", "samples/ordinances/roeland-park-ks.yaml", "samples/ordinances/lawrence-ks.yaml", "--scenarios", "samples/scenarios/roeland-park")
                .WithExample("compare", "samples/ordinances/roeland-park-ks.yaml", "samples/ordinances/lawrence-ks.yaml", "--scenarios", "samples/scenarios/roeland-park", "--format", "html");
            config.AddCommand<ReadingsCommand>("readings")
                .WithDescription("List the ordinance's interpretive readings: one name=alternative line per alternative, the default marked, then what each means.")
                .WithExample("readings", "samples/ordinances/roeland-park-ks.yaml");
            config.AddCommand<VocabularyCommand>("vocabulary")
                .WithDescription("Print a vocabulary (a bundled one by name, or a file such as a city's extension) as a Markdown reference: every type, field and value with its meaning, sensitive fields marked.")
                .WithExample("vocabulary", "immigration-cooperation");
            config.AddCommand<Explain.ExplainCommand>("explain")
                .WithDescription("Evaluate one scenario and print each finding's reasoning as a tree: conditions held, failed or unknown, exceptions and what they defeated, and why a provision did not apply.")
                .WithExample("explain", "samples/ordinances/roeland-park-ks.yaml", "samples/scenarios/roeland-park/p2-specific-threat-exception-applies.yaml", "--provision", "P2");
            config.AddCommand<Explain.WhatIfCommand>("what-if")
                .WithDescription("Re-evaluate a scenario with changed facts (--set fact.field=value) and show which findings change; without --set, show each undetermined finding's outcome under each value of each unknown.")
                .WithExample("what-if", "samples/ordinances/roeland-park-ks.yaml", "samples/scenarios/roeland-park/p2-threat-specificity-unknown-undetermined.yaml")
                .WithExample("what-if", "samples/ordinances/roeland-park-ks.yaml", "samples/scenarios/roeland-park/p2-threat-specificity-unknown-undetermined.yaml", "--set", "t-1.specificity=general");
            config.SetExceptionHandler((exception, _) =>
            {
                // Never a stack trace, and one line: a bad command line is bad input; anything else is reported plainly.
                var message = exception.Message.ReplaceLineEndings(" ").Trim();
                errors.WriteLine(exception is CommandAppException
                    ? new Diagnostic(CliDiagnosticCodes.CommandLine, message).ToString()
                    : $"ordinance: internal error: {message}");
                return BadInput;
            });
        });
        return app.Run(args);
    }
}
