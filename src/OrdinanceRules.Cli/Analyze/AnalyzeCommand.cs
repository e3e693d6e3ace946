using OrdinanceRules.Analysis;
using OrdinanceRules.Analysis.Json;
using OrdinanceRules.Cli.Commands;
using OrdinanceRules.Json;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Analyze;

/// <summary>
/// <c>ordinance analyze</c>: static analysis with the constraint solver (docs/analysis.md). Prints what each provision
/// can be, and the findings with their witnesses; <c>--witnesses</c> writes each witness as a scenario file.
/// </summary>
internal sealed class AnalyzeCommand(IAnsiConsole console, TextWriter errors, WorkingFolder folder) : Command<AnalyzeSettings>
{
    public override int Execute(CommandContext context, AnalyzeSettings settings, CancellationToken cancellationToken)
    {
        var problems = new List<Diagnostic>();
        var setup = EvaluationSetup.TryLoad(settings.Ordinance, settings.Laws, null, settings.Readings, folder.Reading(settings.AllowOutside), problems);
        if (setup is null)
        {
            return EvaluationSetup.Fail(errors, problems);
        }

        var options = Solver.Options(settings, setup.Options.Readings);
        var report = Solver.WithProgress(setup.Loaded[0].Citation, progress => OrdinanceAnalyzer.Analyze(setup.Loaded[0], setup.Loaded.Skip(1), options, progress));
        var files = Solver.Files(settings, settings.Ordinance, settings.Laws, setup.Loaded);
        if (!Solver.TryWrite(errors, settings.Witnesses, () =>
            {
                foreach (var provision in report.Provisions)
                {
                    foreach (var witness in provision.Reachable)
                    {
                        files.Write(witness, provision.ProvisionId, OrdinanceJson.Word(witness.Status));
                    }
                }

                foreach (var finding in report.Findings.Where(f => f.Witness is not null))
                {
                    files.Write(finding.Witness!, finding.ProvisionId, finding.ExceptionId ?? finding.OtherProvisionId, AnalysisJson.Word(finding.Kind));
                }
            }))
        {
            return CliApp.BadInput;
        }

        if (settings.Format == Rendering.JsonOutput.Json)
        {
            console.Profile.Out.Writer.WriteLine(AnalysisJson.Write(AnalysisJson.Analysis(report, options, files.Writing)));
        }
        else
        {
            AnalysisText.Render(console, report, options, files);
        }

        return CliApp.Ok;
    }
}

/// <summary>What <c>analyze</c> and <c>diff</c> share: the options from the command line, the progress display, the witness files.</summary>
internal static class Solver
{
    public static AnalysisOptions Options(SolverSettings settings, System.Collections.Immutable.ImmutableDictionary<string, string> readings) => new()
    {
        FactsPerType = settings.Facts,
        Timeout = TimeSpan.FromSeconds(settings.Timeout),
        Readings = readings,
    };

    public static WitnessFiles Files(SolverSettings settings, string ordinancePath, IReadOnlyList<string> laws, IEnumerable<Model.Ordinance> loaded) =>
        new(settings.Witnesses, ordinancePath, laws, loaded.SelectMany(l => l.Readings).ToDictionary(r => r.Name, r => r.Default, StringComparer.Ordinal));

    /// <summary>Writes the witness files; a folder that cannot be written is bad input (OR5004).</summary>
    public static bool TryWrite(TextWriter errors, string? folder, Action write)
    {
        try
        {
            write();
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine(new Diagnostic(CliDiagnosticCodes.CannotWrite, $"--witnesses: cannot write to '{folder}': {ex.Message}").ToString());
            return false;
        }
    }

    /// <summary>Runs the solver with a progress bar on standard error when it is a terminal; none when it is redirected.</summary>
    public static T WithProgress<T>(string name, Func<IProgress<AnalysisProgress>?, T> run)
    {
        if (Console.IsErrorRedirected)
        {
            return run(null);
        }

        var bar = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        bar.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask(Markup.Escape(name), maxValue: 1);
                result = run(new Callback(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    task.Description = Markup.Escape(p.ProvisionId is null ? name : $"{name}: {p.ProvisionId}");
                }));
            });
        return result;
    }

    /// <summary>Reports synchronously, on the solver's thread (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class Callback(Action<AnalysisProgress> report) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) => report(value);
    }
}
