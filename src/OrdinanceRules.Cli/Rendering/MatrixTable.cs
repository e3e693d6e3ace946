using OrdinanceRules.Cli.Comparison;
using Spectre.Console;

namespace OrdinanceRules.Cli.Rendering;

/// <summary>The comparison matrix as a table for the terminal: a row per scenario, a column per ordinance, and a column that marks differences.</summary>
/// <remarks>
/// Each cell leads with its verdict (the most serious status of its findings), coloured as in
/// <c>check</c>'s report, then lists each provision that applies and its status. Spectre.Console
/// writes it without colours when the output is redirected; redirected output is not wrapped
/// (<see cref="CliApp.RedirectedWidth"/>), so each cell line stays whole.
/// </remarks>
internal static class MatrixTable
{
    /// <summary>The text of the differences column in a row where the ordinances disagree.</summary>
    public const string DiffersMark = "≠ differs";

    public static void Render(IAnsiConsole console, ComparisonMatrix matrix)
    {
        var table = new Table().Border(TableBorder.Rounded).ShowRowSeparators();
        table.AddColumn(new TableColumn("[bold]Scenario[/]"));
        foreach (var ordinance in matrix.Ordinances)
        {
            table.AddColumn(new TableColumn($"[bold]{Markup.Escape(ordinance.Label)}[/]\n[grey]{Markup.Escape(ordinance.Citation)}[/]"));
        }

        table.AddColumn(new TableColumn("[bold]Differs[/]").NoWrap());

        foreach (var row in matrix.Rows)
        {
            var name = row.Differs ? $"[bold yellow]{Markup.Escape(row.Label)}[/]" : $"[bold]{Markup.Escape(row.Label)}[/]";
            var cells = new List<string> { $"{name}\n[grey]{Markup.Escape(row.Name)}[/]" };
            cells.AddRange(row.Cells.Select(Cell));
            cells.Add(row.Differs ? $"[bold yellow]{DiffersMark}[/]" : string.Empty);
            table.AddRow(cells.Select(c => new Markup(c)));
        }

        console.Write(table);
        console.WriteLine();
        var differing = matrix.Differences.Count();
        console.MarkupLine($"[bold]{differing} of {matrix.Rows.Length} scenario(s) differ[/] (the cells' verdicts, their most serious status, are not all the same).");
        for (var i = 0; i < matrix.Ordinances.Length; i++)
        {
            var counts = matrix.VerdictCounts(i).Select(c => $"{c.Count} {Verdicts.Headline(c.Verdict)}");
            console.MarkupLine($"{Markup.Escape(matrix.Ordinances[i].Label)}: {Markup.Escape(string.Join(", ", counts))}");
        }

        console.WriteLine();
    }

    private static string Cell(ComparisonCell cell)
    {
        var lines = new List<string> { Badge(cell.Verdict) };
        lines.AddRange(cell.Summary.Select(s => cell.IsExpressible ? Markup.Escape(s) : $"[grey]{Markup.Escape(s)}[/]"));
        return string.Join('\n', lines);
    }

    private static string Badge(FindingStatus? verdict)
    {
        var text = Markup.Escape(Verdicts.Headline(verdict).ToUpperInvariant());
        return verdict switch
        {
            FindingStatus.Violated => $"[white on red] {text} [/]",
            FindingStatus.Complied => $"[black on green] {text} [/]",
            FindingStatus.ExceptionApplies => $"[black on aqua] {text} [/]",
            FindingStatus.NotApplicable => $"[grey] {text} [/]",
            FindingStatus.Pending => $"[black on yellow] {text} [/]",
            null => $"[grey italic] {text} [/]",
            _ => $"[black on fuchsia] {text} [/]",
        };
    }
}
