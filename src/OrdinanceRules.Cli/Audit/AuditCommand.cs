using OrdinanceRules.Cli.Commands;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Yaml;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Audit;

/// <summary>
/// <c>ordinance audit</c> (docs/audit.md): evaluates every record of a file against one compiled ordinance, streaming:
/// records are read, evaluated and written a batch at a time, so memory stays flat whatever the file's size. A bad
/// record is reported with its line and skipped; the summary accounts for every record read.
/// </summary>
internal sealed class AuditCommand(IAnsiConsole console, TextWriter errors, WorkingFolder folder) : Command<AuditSettings>
{
    /// <summary>Records a core evaluates in each batch: enough to keep every core busy, few enough to keep memory flat.</summary>
    private const int BatchPerCore = 64;

    public override int Execute(CommandContext context, AuditSettings settings, CancellationToken cancellationToken)
    {
        var problems = new List<Diagnostic>();
        var read = folder.Reading(settings.AllowOutside, settings.ShowSensitive);
        var setup = EvaluationSetup.TryLoad(settings.Ordinance, settings.Laws, settings.AsOf, settings.Readings, read, problems);
        var template = settings.Mapping is null ? null : RecordTemplate.Load(Path.GetFullPath(settings.Mapping, folder.Path), problems);
        if (setup is null || problems.Count > 0)
        {
            return EvaluationSetup.Fail(errors, problems);
        }

        var recordsPath = Path.GetFullPath(settings.Records, folder.Path);
        using var source = RecordSource.Open(recordsPath, template, problems);
        if (source is null)
        {
            return EvaluationSetup.Fail(errors, problems);
        }

        TextWriter output;
        try
        {
            output = settings.Output is null ? console.Profile.Out.Writer : new StreamWriter(Path.GetFullPath(settings.Output, folder.Path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return EvaluationSetup.Fail(errors, [new Diagnostic(CliDiagnosticCodes.CannotWrite, $"--output {settings.Output}: {ex.Message}")]);
        }

        var summary = new AuditSummary();
        var evaluator = new RecordEvaluator(setup, read, source.Name, settings.Mapping is null ? null : Path.GetFileName(settings.Mapping));
        using (var findings = FindingWriter.Create(settings.Format, output))
        {
            if (ShowsProgress(settings))
            {
                var bar = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                bar.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .Start(progress =>
                    {
                        var task = progress.AddTask(source.Name, maxValue: 1);
                        Run(source, evaluator, findings, summary, settings.Parallel, () => task.Value = source.Progress, cancellationToken);
                    });
            }
            else
            {
                Run(source, evaluator, findings, summary, settings.Parallel, () => { }, cancellationToken);
            }
        }

        if (settings.Output is not null)
        {
            output.Dispose();
        }

        summary.WriteTo(errors, source.Name);
        return summary.Violations > 0 ? CliApp.Violation : CliApp.Ok;
    }

    /// <summary>
    /// Reads a batch, evaluates it on up to <paramref name="cores"/> cores, writes its findings in the records' order,
    /// and so on to the end: whatever the number of cores, the output is the same.
    /// </summary>
    internal static void Run(RecordSource source, RecordEvaluator evaluator, FindingWriter findings, AuditSummary summary, int cores, Action progressed, CancellationToken cancellationToken)
    {
        var batch = new AuditRecord[cores * BatchPerCore];
        var outcomes = new AuditOutcome[batch.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = cores, CancellationToken = cancellationToken };
        while (true)
        {
            var count = 0;
            while (count < batch.Length && source.TryRead(out batch[count]))
            {
                count++;
            }

            if (count == 0)
            {
                return;
            }

            if (cores == 1)
            {
                for (var i = 0; i < count; i++)
                {
                    outcomes[i] = evaluator.Evaluate(batch[i]);
                }
            }
            else
            {
                Parallel.For(0, count, parallel, i => outcomes[i] = evaluator.Evaluate(batch[i]));
            }

            for (var i = 0; i < count; i++)
            {
                summary.Add(outcomes[i]);
                if (outcomes[i].Report is { } report)
                {
                    foreach (var finding in AuditFinding.Of(outcomes[i].Line, report))
                    {
                        findings.Write(finding);
                    }
                }

                outcomes[i] = default;
                batch[i] = default;
            }

            progressed();
        }
    }

    /// <summary>A progress bar on standard error when it is a terminal and the findings do not go to that terminal too.</summary>
    private static bool ShowsProgress(AuditSettings settings) =>
        !Console.IsErrorRedirected && (settings.Output is not null || Console.IsOutputRedirected);
}

/// <summary>Evaluates one record with the compiled ordinance shared by every thread; a problem becomes the record's rejection, located at its line.</summary>
internal sealed class RecordEvaluator(EvaluationSetup setup, YamlReadOptions read, string recordsName, string? mappingName)
{
    public AuditOutcome Evaluate(AuditRecord record)
    {
        if (record.Problem is { } problem)
        {
            return Rejected(record.Line, problem);
        }

        var scenario = OrdinanceYaml.ParseScenario(record.Scenario!, recordsName, setup.Ordinance.Ordinance, read);
        if (!scenario.Succeeded)
        {
            return Rejected(record.Line, scenario.Diagnostics[0]);
        }

        if ((setup.AsOf ?? scenario.Value.AsOf) is not { } asOf)
        {
            return Rejected(record.Line, new Diagnostic(CliDiagnosticCodes.MissingAsOf, "the record names no as-of instant; give one in it or pass --as-of"));
        }

        var report = setup.Ordinance.TryEvaluate(scenario.Value, asOf, setup.Options);
        return report.Succeeded ? new AuditOutcome(record.Line, report.Value, null) : Rejected(record.Line, report.Diagnostics[0]);
    }

    /// <summary>
    /// The problem at the record's line of the records file: for a JSON line, at its column too; for a CSV row, with
    /// where in the mapping the filled-in scenario went wrong.
    /// </summary>
    private AuditOutcome Rejected(long line, Diagnostic problem)
    {
        var at = problem.Location;
        var located = mappingName is null
            ? problem with { Location = new SourceLocation(recordsName, (int)line, at?.Column ?? 1) }
            : problem with
            {
                Location = new SourceLocation(recordsName, (int)line, 1),
                Message = at is null || at.Line <= 0 ? problem.Message : $"{problem.Message} (from {mappingName}:{at.Line})",
            };
        return new AuditOutcome(line, null, located);
    }
}
