using System.Collections.Immutable;
using OrdinanceRules.Model;

namespace OrdinanceRules.Cli.Comparison;

/// <summary>One ordinance of a comparison, under one set of readings: a column of the matrix.</summary>
/// <param name="Label">The column's short name: the file name without <c>.yaml</c> (or the path as given when two names collide), and the readings when columns differ by them.</param>
/// <param name="Path">The file as named on the command line.</param>
/// <param name="Citation">The ordinance's citation, such as "Roeland Park Ordinance 1005".</param>
/// <param name="Title">The ordinance's title.</param>
/// <param name="Notes">What is known of its text and how reliable it is.</param>
/// <param name="TimeZone">The jurisdiction's IANA time zone.</param>
/// <param name="ContentHash">The compiled ordinance's content hash.</param>
internal sealed record ComparedOrdinance(string Label, string Path, string Citation, string Title, string? Notes, string TimeZone, string? ContentHash)
{
    /// <summary>The readings the column is evaluated under, as <c>name=alternative</c>, the defaults marked; empty when the ordinance declares none.</summary>
    public ImmutableArray<string> Readings { get; init; } = [];

    /// <summary>The ordinances this one extends, nearest first.</summary>
    public ImmutableArray<string> Extends { get; init; } = [];

    /// <summary>The ordinance's provisions, in order, so that a page can show the text each finding rests on.</summary>
    public ImmutableArray<Provision> Provisions { get; init; } = [];
}

/// <summary>One scenario evaluated under one ordinance, or a scenario the ordinance's vocabulary cannot express: a cell of the matrix.</summary>
/// <param name="Report">The full report of the evaluation; null when the scenario is not expressible in the ordinance's vocabulary.</param>
/// <param name="NotExpressible">For a cell with no report: why the scenario does not load under this ordinance (a fact type, field or value its vocabulary lacks).</param>
internal sealed record ComparisonCell(ComplianceReport? Report, ImmutableArray<string> NotExpressible = default)
{
    /// <summary>The cell's outcome: the most serious status among its findings (see <see cref="Verdicts"/>); null when the scenario is not expressible.</summary>
    public FindingStatus? Verdict { get; } = Report is null ? null : Verdicts.Worst(Report.Findings);

    /// <summary>Whether the scenario could be evaluated under this ordinance.</summary>
    public bool IsExpressible => Report is not null;

    /// <summary>The instant the cell is judged at: its report's, or for a scenario not expressible here, the one it would have been.</summary>
    public DateTimeOffset? AsOf { get; init; } = Report?.AsOf;

    /// <summary>
    /// One line per provision and status that is not <see cref="FindingStatus.NotApplicable"/>, in the
    /// report's order, such as <c>P2 violated</c> or <c>P3 pending ×2</c>; empty when nothing applies;
    /// for a scenario that is not expressible, why.
    /// </summary>
    public ImmutableArray<string> Summary { get; } = Report is null
        ? NotExpressible.IsDefault ? [] : NotExpressible
        :
        [
            .. Report.Findings
                .Where(f => f.Status != FindingStatus.NotApplicable)
                .GroupBy(f => (f.ProvisionId, f.Status))
                .Select(g => g.Count() == 1 ? $"{g.Key.ProvisionId} {Verdicts.Name(g.Key.Status)}" : $"{g.Key.ProvisionId} {Verdicts.Name(g.Key.Status)} ×{g.Count()}"),
        ];

    /// <summary>The findings a reader wants to open first: every one that is not <see cref="FindingStatus.NotApplicable"/>.</summary>
    public IEnumerable<Finding> Applicable => Report?.Findings.Where(f => f.Status != FindingStatus.NotApplicable) ?? [];
}

/// <summary>One scenario file: a row of the matrix, with a cell for each ordinance in column order.</summary>
/// <param name="Path">The scenario file.</param>
/// <param name="Label">The file name without <c>.yaml</c>.</param>
/// <param name="Name">The scenario's name (its <c>scenario:</c> key), as loaded under the first ordinance that expresses it.</param>
/// <param name="Cells">One cell per ordinance, in the order of <see cref="ComparisonMatrix.Ordinances"/>.</param>
internal sealed record ComparisonRow(string Path, string Label, string Name, ImmutableArray<ComparisonCell> Cells)
{
    /// <summary>The scenario's description (its <c>description:</c> key), if it has one.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// Whether the ordinances disagree on this scenario: the verdicts of the cells that could evaluate it are
    /// not all the same. docs/drafting-compare.md defines this for drafters.
    /// </summary>
    public bool Differs => Cells.Where(c => c.IsExpressible).Select(c => c.Verdict).Distinct().Skip(1).Any();
}

/// <summary>Every scenario of a folder evaluated under every ordinance: rows are scenarios, columns ordinances.</summary>
/// <param name="Ordinances">The columns, in the order given on the command line.</param>
/// <param name="Rows">The rows, in ordinal order of the scenario file names.</param>
internal sealed record ComparisonMatrix(ImmutableArray<ComparedOrdinance> Ordinances, ImmutableArray<ComparisonRow> Rows)
{
    /// <summary>The rows on which the ordinances disagree.</summary>
    public IEnumerable<ComparisonRow> Differences => Rows.Where(r => r.Differs);

    /// <summary>For one column, how many rows have each verdict, most serious first, then those it cannot express (a null verdict).</summary>
    public IEnumerable<(FindingStatus? Verdict, int Count)> VerdictCounts(int column) =>
        Rows.GroupBy(r => r.Cells[column].Verdict)
            .OrderBy(g => g.Key is { } v ? Verdicts.Severity(v) : int.MaxValue)
            .Select(g => (g.Key, g.Count()));
}
