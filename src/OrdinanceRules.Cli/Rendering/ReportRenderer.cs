using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OrdinanceRules.Cli.Rendering;

/// <summary>The readable report: a header, then each finding with its status, citation, facts and reason.</summary>
/// <remarks>
/// Spectre.Console colours it in a terminal and writes plain text when output is redirected. In a
/// terminal, long lines wrap with a hanging indent, so each finding's status stays in the left margin.
/// </remarks>
internal static class ReportRenderer
{
    /// <summary>The longest the rule over each report gets, however wide the console.</summary>
    private const int MaxRuleWidth = 80;

    public static void Render(IAnsiConsole console, ComplianceReport report)
    {
        var rule = new Rule($"[bold]{Markup.Escape(report.Scenario)}[/]").LeftJustified();
        console.Write(new AtMost(MaxRuleWidth, rule));
        console.MarkupLine($"{Markup.Escape(report.Ordinance)}: {Markup.Escape(report.Title)}");
        console.MarkupLine($"As of {report.AsOf.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)} ({Markup.Escape(report.TimeZone)})");
        if (!report.Readings.IsEmpty)
        {
            console.MarkupLine($"Readings: {Markup.Escape(Readings(report))}");
        }

        if (!report.DefaultsApplied.IsEmpty)
        {
            console.MarkupLine($"Defaults applied (omitted fields read as the vocabulary's default): {Markup.Escape(string.Join("; ", report.DefaultsApplied))}");
        }

        if (!report.HigherLaws.IsEmpty)
        {
            console.MarkupLine($"Higher laws: {Markup.Escape(string.Join("; ", report.HigherLaws))}");
        }

        if (!string.IsNullOrWhiteSpace(report.Notes))
        {
            console.MarkupLine($"[grey]Note: {Markup.Escape(report.Notes.Trim())}[/]");
        }

        console.WriteLine();
        foreach (var finding in report.Findings)
        {
            var facts = finding.Facts.IsEmpty ? string.Empty : " [grey](" + Markup.Escape(string.Join(", ", finding.Facts.Select(f => $"{f.Variable}={f.FactId}"))) + ")[/]";
            var heading = new Grid().AddColumn(new GridColumn().NoWrap().PadLeft(0).PadRight(1)).AddColumn(new GridColumn().PadLeft(0).PadRight(0));
            heading.AddRow(new Markup(Badge(finding.Status)), new Markup($"[bold]{Markup.Escape(finding.ProvisionId)}[/] {Markup.Escape(finding.Section)} {Markup.Escape(finding.Title)}{facts}"));
            console.Write(heading);
            if (finding.Origin is { } origin)
            {
                console.Write(Indented($"[grey]{Markup.Escape(Origin(origin))}[/]"));
            }

            console.Write(Indented(Markup.Escape(finding.Reason)));
            if (!finding.Unknowns.IsEmpty)
            {
                console.Write(Indented($"[yellow]Missing:[/] {Markup.Escape(string.Join("; ", finding.Unknowns))}"));
            }
        }

        if (!report.Conflicts.IsEmpty)
        {
            console.WriteLine();
            console.MarkupLine("[bold]Conflicts:[/]");
            foreach (var conflict in report.Conflicts)
            {
                var facts = conflict.Facts.IsEmpty ? string.Empty : " (" + string.Join(", ", conflict.Facts.Select(f => $"{f.Variable}={f.FactId}")) + ")";
                console.MarkupLine($"[red]CONFLICT[/] [bold]{Markup.Escape(conflict.ProvisionId)}[/] ({Markup.Escape(conflict.Citation)}) and [bold]{Markup.Escape(conflict.OtherProvisionId)}[/] ({Markup.Escape(conflict.OtherCitation)}){Markup.Escape(facts)}");
                console.Write(Indented(Markup.Escape(conflict.Description)));
            }
        }

        console.WriteLine();
        var counts = report.Findings.GroupBy(f => f.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Name(g.Key)}");
        console.MarkupLine($"[bold]{Markup.Escape(string.Join(", ", counts))}[/]");
        console.WriteLine();
    }

    /// <summary>The readings used, as <c>name=alternative</c>, the defaults marked: <c>p3-anchor=receipt (default), p3-end=exclusive</c>.</summary>
    public static string Readings(ComplianceReport report) =>
        string.Join(", ", report.Readings.Select(r => r.IsDefault ? $"{r.Name}={r.Alternative} (default)" : $"{r.Name}={r.Alternative}"));

    /// <summary>Where a provision of an extending ordinance came from: "From ACLU of Kansas ..., Model Rule K2."</summary>
    public static string Origin(Model.ProvisionOrigin origin) =>
        $"{(origin.Replaced ? "Replaces" : "From")} {origin.Citation}, {origin.Section}.";

    private static Padder Indented(string markup) => new Padder(new Markup(markup), new Padding(4, 0, 0, 0));

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

    /// <summary>Renders <paramref name="inner"/> no wider than <paramref name="width"/>, as a rule would otherwise fill a wide console.</summary>
    private sealed class AtMost(int width, IRenderable inner) : Renderable
    {
        protected override Measurement Measure(RenderOptions options, int maxWidth) => inner.Measure(options, Math.Min(maxWidth, width));

        protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth) => inner.Render(options, Math.Min(maxWidth, width));
    }
}
