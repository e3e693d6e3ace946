using System.Globalization;
using OrdinanceRules.Evaluation;
using Spectre.Console;

namespace OrdinanceRules.Cli.Rendering;

/// <summary>The readable report: a header, then each finding with its status, citation, facts and reason.</summary>
/// <remarks>Spectre.Console colours it in a terminal and writes plain text when output is redirected.</remarks>
internal static class ReportRenderer
{
    public static void Render(IAnsiConsole console, ComplianceReport report)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(report.Scenario)}[/]").LeftJustified());
        console.MarkupLine($"{Markup.Escape(report.Ordinance)}: {Markup.Escape(report.Title)}");
        console.MarkupLine($"As of {report.AsOf.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)} ({Markup.Escape(report.TimeZone)})");
        if (!string.IsNullOrWhiteSpace(report.Notes))
        {
            console.MarkupLine($"[grey]Note: {Markup.Escape(report.Notes.Trim())}[/]");
        }

        console.WriteLine();
        foreach (var finding in report.Findings)
        {
            var facts = finding.Facts.IsEmpty ? string.Empty : " [grey](" + Markup.Escape(string.Join(", ", finding.Facts.Select(f => $"{f.Variable}={f.FactId}"))) + ")[/]";
            console.MarkupLine($"{Badge(finding.Status)} [bold]{Markup.Escape(finding.ProvisionId)}[/] {Markup.Escape(finding.Section)} {Markup.Escape(finding.Title)}{facts}");
            console.MarkupLine($"    {Markup.Escape(finding.Reason)}");
            if (!finding.Unknowns.IsEmpty)
            {
                console.MarkupLine($"    [yellow]Missing:[/] {Markup.Escape(string.Join("; ", finding.Unknowns))}");
            }
        }

        console.WriteLine();
        var counts = report.Findings.GroupBy(f => f.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Name(g.Key)}");
        console.MarkupLine($"[bold]{Markup.Escape(string.Join(", ", counts))}[/]");
        console.WriteLine();
    }

    private static string Badge(FindingStatus status) => status switch
    {
        FindingStatus.Violated => "[white on red] VIOLATED [/]",
        FindingStatus.Complied => "[black on green] COMPLIED [/]",
        FindingStatus.ExceptionApplies => "[black on aqua] EXCEPTION APPLIES [/]",
        FindingStatus.NotApplicable => "[grey] NOT APPLICABLE [/]",
        FindingStatus.Pending => "[black on yellow] PENDING [/]",
        _ => "[black on fuchsia] UNDETERMINED [/]",
    };

    private static string Name(FindingStatus status) => status switch
    {
        FindingStatus.ExceptionApplies => "exception applies",
        FindingStatus.NotApplicable => "not applicable",
        _ => status.ToString().ToLowerInvariant(),
    };
}
