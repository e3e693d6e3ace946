using System.Collections.Immutable;
using OrdinanceRules.Evaluation;

namespace OrdinanceRules.Cli.Comparison;

/// <summary>One ordinance of a comparison: a column of the matrix.</summary>
/// <param name="Label">The column's short name: the file name without <c>.yaml</c>, or the path as given when two names collide.</param>
/// <param name="Path">The file as named on the command line.</param>
/// <param name="Citation">The ordinance's citation, such as "Roeland Park Ordinance 1005".</param>
/// <param name="Title">The ordinance's title.</param>
/// <param name="Notes">What is known of its text and how reliable it is.</param>
/// <param name="TimeZone">The jurisdiction's IANA time zone.</param>
/// <param name="ContentHash">The compiled ordinance's content hash.</param>
internal sealed record ComparedOrdinance(string Label, string Path, string Citation, string Title, string? Notes, string TimeZone, string? ContentHash);

/// <summary>One scenario evaluated under one ordinance: a cell of the matrix.</summary>
/// <param name="Report">The full report of the evaluation.</param>
internal sealed record ComparisonCell(ComplianceReport Report)
{
    /// <summary>The cell's outcome: the most serious status among its findings (see <see cref="Verdicts"/>).</summary>
    public FindingStatus Verdict { get; } = Verdicts.Worst(Report.Findings);

    /// <summary>
    /// One line per provision and status that is not <see cref="FindingStatus.NotApplicable"/>, in the
    /// report's order, such as <c>P2 violated</c> or <c>P3 pending ×2</c>; empty when nothing applies.
    /// </summary>
    public ImmutableArray<string> Summary { get; } =
    [
        .. Report.Findings
            .Where(f => f.Status != FindingStatus.NotApplicable)
            .GroupBy(f => (f.ProvisionId, f.Status))
            .Select(g => g.Count() == 1 ? $"{g.Key.ProvisionId} {Verdicts.Name(g.Key.Status)}" : $"{g.Key.ProvisionId} {Verdicts.Name(g.Key.Status)} ×{g.Count()}"),
    ];

    /// <summary>The findings a reader wants to open first: every one that is not <see cref="FindingStatus.NotApplicable"/>.</summary>
    public IEnumerable<Finding> Applicable => Report.Findings.Where(f => f.Status != FindingStatus.NotApplicable);
}

/// <summary>One scenario file: a row of the matrix, with a cell for each ordinance in column order.</summary>
/// <param name="Path">The scenario file.</param>
/// <param name="Label">The file name without <c>.yaml</c>.</param>
/// <param name="Name">The scenario's name (its <c>scenario:</c> key), as loaded under the first ordinance.</param>
/// <param name="Cells">One cell per ordinance, in the order of <see cref="ComparisonMatrix.Ordinances"/>.</param>
internal sealed record ComparisonRow(string Path, string Label, string Name, ImmutableArray<ComparisonCell> Cells)
{
    /// <summary>
    /// Whether the ordinances disagree on this scenario: the cells' verdicts are not all the same.
    /// docs/drafting-compare.md defines this for drafters.
    /// </summary>
    public bool Differs => Cells.Select(c => c.Verdict).Distinct().Skip(1).Any();
}

/// <summary>Every scenario of a folder evaluated under every ordinance: rows are scenarios, columns ordinances.</summary>
/// <param name="Ordinances">The columns, in the order given on the command line.</param>
/// <param name="Rows">The rows, in ordinal order of the scenario file names.</param>
internal sealed record ComparisonMatrix(ImmutableArray<ComparedOrdinance> Ordinances, ImmutableArray<ComparisonRow> Rows)
{
    /// <summary>The rows on which the ordinances disagree.</summary>
    public IEnumerable<ComparisonRow> Differences => Rows.Where(r => r.Differs);

    /// <summary>For one column, how many rows have each verdict, most serious first.</summary>
    public IEnumerable<(FindingStatus Verdict, int Count)> VerdictCounts(int column) =>
        Rows.GroupBy(r => r.Cells[column].Verdict)
            .OrderBy(g => Verdicts.Severity(g.Key))
            .Select(g => (g.Key, g.Count()));
}
