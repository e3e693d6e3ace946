using OrdinanceRules.Cli.Commands;
using OrdinanceRules.Cli.Init;
using OrdinanceRules.Cli.Rendering;
using OrdinanceRules.Cli.SampleFiles;
using OrdinanceRules.Cli.Validate;
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

    /// <summary>The command failed by a fault of its own, not of the input: a bug to report.</summary>
    public const int InternalError = 3;

    /// <summary>The width of output that goes to a file or a pipe: wide enough that no line is wrapped.</summary>
    public const int RedirectedWidth = 10_000;

    /// <summary>
    /// Runs the command line as the program does: takes <c>--color</c> (and <c>NO_COLOR</c>) into account to
    /// make the console over <paramref name="output"/>, then runs the command.
    /// </summary>
    public static int Start(string[] args, TextWriter output, TextWriter errors, Stream input, Func<string, string?> environment)
    {
        var consoleOutput = new AnsiConsoleOutput(output);
        var rest = ColorOption.Take(args, environment, consoleOutput.IsTerminal, out var settings, out var error);
        if (error is not null)
        {
            errors.WriteLine(new Diagnostic(CliDiagnosticCodes.CommandLine, error).ToString());
            return BadInput;
        }

        settings.Out = consoleOutput;
        return Run(rest, AnsiConsole.Create(settings), errors, input);
    }

    /// <summary>Runs the command line, writing results to <paramref name="console"/> and problems to <paramref name="errors"/>.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="console">Where results go.</param>
    /// <param name="errors">Where problems go.</param>
    /// <param name="input">Standard input, for <c>-</c>: bytes, read as files are (at most 1 MiB, valid UTF-8).</param>
    /// <param name="workingFolder">The folder files may reference each other within; null for the current directory.</param>
    public static int Run(string[] args, IAnsiConsole console, TextWriter errors, Stream? input = null, string? workingFolder = null)
    {
        // Text from the files read reaches both: neither may carry a control character to the terminal.
        console = SafeOutput.Console(console);
        errors = SafeOutput.Writer(errors);
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
            config.Settings.Registrar.RegisterInstance(new StandardInput(input ?? Stream.Null));
            config.Settings.Registrar.RegisterInstance(new WorkingFolder(workingFolder ?? Directory.GetCurrentDirectory()));
            config.Settings.StrictParsing = true;
            config.AddCommand<InitCommand>("init")
                .WithDescription("Scaffold a new city's folder from the ACLU of Kansas model: an ordinance file that extends a copy of the model and sets its parameters, a vocabulary extension stub, two scenarios, a test suite that passes, the file schemas and VS Code settings.")
                .WithExample("init", "overland-park")
                .WithExample("init", "overland-park", "--name", "\"Overland Park\"", "--state", "Kansas", "--time-zone", "America/Chicago");
            config.AddBranch("samples", samples =>
            {
                samples.SetDescription("The samples bundled with the tool: ordinances, scenarios and test suites.");
                samples.AddCommand<SamplesListCommand>("list")
                    .WithDescription("List the bundled ordinances, scenario folders and test suites.")
                    .WithExample("samples", "list", "--format", "json");
                samples.AddCommand<SamplesCopyCommand>("copy")
                    .WithDescription("Copy the bundled samples into a folder (samples by default), where the --help examples find them.")
                    .WithExample("samples", "copy");
            });
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Read ordinances (compiled, with --law), vocabularies, scenarios and test suites, and report every problem of every file at file:line:column; exit 0 when all are valid, 2 otherwise.")
                .WithExample("validate", "samples/ordinances", "samples/tests")
                .WithExample("validate", "samples/scenarios/lawrence", "--ordinance", "samples/ordinances/lawrence-ks.yaml")
                .WithExample("validate", "\"samples/**/*.suite.yaml\"");
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
            config.AddCommand<Explain.InterviewCommand>("interview")
                .WithDescription("Ask the questions still worth asking about a partial scenario, the one that could settle the most undetermined findings first, re-evaluating after each answer; on a terminal with prompts, otherwise from --answers.")
                .WithExample("interview", "samples/ordinances/roeland-park-ks.yaml", "samples/scenarios/roeland-park/p2-threat-specificity-unknown-undetermined.yaml")
                .WithExample("interview", "samples/ordinances/roeland-park-ks.yaml", "samples/scenarios/roeland-park/p2-threat-specificity-unknown-undetermined.yaml", "--answers", "answers.txt", "--format", "json");
            config.AddCommand<Audit.AuditCommand>("audit")
                .WithDescription("Evaluate every record of a file (NDJSON scenarios, or CSV rows mapped to facts by --mapping) against an ordinance, streaming, and write its findings as NDJSON or CSV with a summary that accounts for every record; a bad record is reported with its line and skipped.")
                .WithExample("audit", "samples/ordinances/roeland-park-ks.yaml", "samples/records/roeland-park-requests-2021.csv", "--mapping", "samples/records/roeland-park-requests.mapping.yaml")
                .WithExample("audit", "samples/ordinances/roeland-park-ks.yaml", "records.ndjson", "--format", "csv", "--output", "findings.csv", "--parallel", "2");
            config.AddCommand<Analyze.AnalyzeCommand>("analyze")
                .WithDescription("Analyse an ordinance with a constraint solver: for each provision what some scenario makes it (with a witness scenario each), provisions never violated, complied with or applying, and exceptions that never hold or never change an outcome; --witnesses writes the witnesses as scenario files that check confirms.")
                .WithExample("analyze", "samples/ordinances/roeland-park-ks.yaml")
                .WithExample("analyze", "samples/ordinances/lawrence-ks.yaml", "--witnesses", "witnesses", "--timeout", "5", "--format", "json");
            config.AddCommand<Serve.ServeCommand>("serve")
                .WithDescription("Run the decision service over a folder of ordinances: POST a scenario to /v1/check, /v1/explain, /v1/what-if or /v1/interview and get the report JSON; reloads when a file changes; loopback only unless --public.")
                .WithExample("serve", "--ordinances", "samples/ordinances")
                .WithExample("serve", "--ordinances", "samples/ordinances", "--port", "8080", "--decision-log", "decisions.ndjson");
            config.SetExceptionHandler((exception, _) =>
            {
                // Never a stack trace, and one line each: a bad command line is bad input; an input the library could not
                // finish with is reported as its located diagnostics; anything else is a bug, named by its type only
                // (its message may hold the engine's expression trees), with a request to report it.
                switch (exception)
                {
                    case CommandAppException:
                        errors.WriteLine(new Diagnostic(CliDiagnosticCodes.CommandLine, exception.Message.ReplaceLineEndings(" ").Trim()).ToString());
                        return BadInput;
                    case OrdinanceDiagnosticException problems:
                        return EvaluationSetup.Fail(errors, problems.Diagnostics);
                    default:
                        errors.WriteLine(new Diagnostic(CliDiagnosticCodes.Internal, $"ordinance failed ({exception.GetType().Name}); this is a bug: please report it with the command line and the files it read").ToString());
                        return InternalError;
                }
            });
        });
        return app.Run(args.Select(a => a == StandardInput.Argument ? StandardInput.FileName : a));
    }
}
