using OrdinanceRules.Cli.Commands;
using OrdinanceRules.Cli.Rendering;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Explanations;
using OrdinanceRules.Json;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrdinanceRules.Cli.Explain;

/// <summary>
/// <c>ordinance interview</c>: from a partial scenario, asks the questions still worth asking, the one that could settle the
/// most undetermined findings first, and re-evaluates after each answer, until every finding is determined or nothing
/// left can change one. On a terminal it asks with prompts; otherwise (or with <c>--answers</c>) it applies the answers
/// given and prints the questions left.
/// </summary>
internal sealed class InterviewCommand(IAnsiConsole console, TextWriter errors, WorkingFolder folder) : Command<InterviewSettings>
{
    private const string DoNotKnow = "unknown (not known)";

    public override int Execute(CommandContext context, InterviewSettings settings, CancellationToken cancellationToken)
    {
        var run = ScenarioRun.TryLoad(settings, folder.Reading(settings.AllowOutside, settings.ShowSensitive), out var problems);
        if (run is null)
        {
            return EvaluationSetup.Fail(errors, problems);
        }

        var interview = Interview.Start(run.Ordinance, run.Scenario, run.AsOf, run.Options);
        if (settings.Answers is not null)
        {
            interview = Apply(interview, Path.GetFullPath(settings.Answers, folder.Path), settings.Answers, problems);
            if (interview is null)
            {
                return EvaluationSetup.Fail(errors, problems);
            }
        }

        var json = settings.Format == JsonOutput.Json;
        if (!json && settings.Answers is null && console.Profile.Capabilities.Interactive && console.Profile.Out.IsTerminal)
        {
            interview = Ask(interview);
        }

        if (json)
        {
            JsonOutput.Write(console, OrdinanceJson.Interview(interview));
        }
        else
        {
            Render(interview);
        }

        return interview.Report.HasViolations ? CliApp.Violation : CliApp.Ok;
    }

    /// <summary>Applies each answer of the file in order; a bad one is reported at its line.</summary>
    private static Interview? Apply(Interview interview, string path, string shown, List<Diagnostic> problems)
    {
        if (!File.Exists(path))
        {
            problems.Add(new Diagnostic(ExplainDiagnosticCodes.InvalidAnswer, $"--answers: there is no file '{shown}'"));
            return null;
        }

        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var dot = equals < 0 ? -1 : line.LastIndexOf('.', equals);
            var at = new SourceLocation(shown, i + 1, 1);
            if (equals < 0 || dot <= 0 || dot == equals - 1)
            {
                problems.Add(new Diagnostic(ExplainDiagnosticCodes.InvalidAnswer, $"'{line}': give fact.field=value, such as t-1.specificity=specific", at));
                continue;
            }

            var next = interview.Answer(line[..dot], line[(dot + 1)..equals], line[(equals + 1)..]);
            if (next.Value is null)
            {
                problems.AddRange(next.Diagnostics.Select(d => new Diagnostic(ExplainDiagnosticCodes.InvalidAnswer, d.Message, at)));
                continue;
            }

            interview = next.Value;
        }

        return problems.Count == 0 ? interview : null;
    }

    /// <summary>Asks the most useful question, re-evaluates, and asks again until the interview is over.</summary>
    private Interview Ask(Interview interview)
    {
        while (interview.Status == InterviewStatus.Open)
        {
            var question = interview.Questions[0];
            console.MarkupLine($"[bold]{Markup.Escape(question.FactType)} {Markup.Escape(question.FactId)}, {Markup.Escape(question.Field)}[/] [grey](could settle {question.Settles} of {question.Findings.Length} undetermined)[/]");
            var about = question.Description ?? question.Field;
            string answer;
            if (question.Choices.IsEmpty)
            {
                answer = console.Prompt(new TextPrompt<string>(Markup.Escape($"{about} ({question.Kind.ToString().ToLowerInvariant()}; unknown if not known)")) { IsSecret = question.Sensitive });
            }
            else
            {
                var choice = console.Prompt(new SelectionPrompt<string>()
                    .Title(Markup.Escape(about))
                    .AddChoices(question.Choices.Select(c => c.Description is null ? c.Value : $"{c.Value}: {c.Description}").Append(DoNotKnow)));
                answer = choice == DoNotKnow ? "unknown" : choice.Split(':', 2)[0];
            }

            var next = interview.Answer(question.FactId, question.Field, answer);
            if (next.Value is null)
            {
                foreach (var problem in next.Diagnostics)
                {
                    console.MarkupLine($"[red]{Markup.Escape(problem.Message)}[/]");
                }

                continue;
            }

            interview = next.Value;
        }

        return interview;
    }

    private void Render(Interview interview)
    {
        console.MarkupLine($"[bold]{Markup.Escape(interview.Scenario.Name)}[/]");
        foreach (var answer in OrdinanceJson.Interview(interview).Answers)
        {
            console.WriteLine($"Answered {answer.Fact}.{answer.Field}={answer.Value}");
        }

        foreach (var finding in interview.Report.Findings.Where(f => f.Status == FindingStatus.Undetermined || interview.Answers.Length > 0))
        {
            console.WriteLine($"{Heading(finding)}: {finding.Status}");
        }

        console.WriteLine(interview.Status switch
        {
            InterviewStatus.Determined => "Every finding is determined: nothing is left to ask.",
            InterviewStatus.Exhausted => $"Still undetermined, and nothing left to ask can change it: {string.Join("; ", interview.Unaskable)}",
            _ => "Questions worth asking, most useful first:",
        });
        var number = 0;
        foreach (var question in interview.Questions)
        {
            console.WriteLine($"  {++number}. {question.Text}");
            console.WriteLine($"     could settle {question.Settles} of {question.Findings.Length}: {string.Join(", ", question.Findings.Select(Heading))}");
        }

        if (interview.Status == InterviewStatus.Open)
        {
            console.WriteLine("Answer with --answers FILE (one fact.field=value a line), or run on a terminal to be asked.");
        }
    }

    private static string Heading(Finding finding) =>
        finding.ProvisionId + (finding.Facts.IsEmpty ? string.Empty : $" ({string.Join(", ", finding.Facts.Select(f => $"{f.Variable}={f.FactId}"))})");
}
