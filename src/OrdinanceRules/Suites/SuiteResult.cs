using System.Collections.Immutable;
using System.Text;

namespace OrdinanceRules.Suites;

/// <summary>The results of running every case of a suite.</summary>
/// <param name="Suite">The suite that ran.</param>
/// <param name="Cases">One result per case, in the suite's order.</param>
public sealed record SuiteResult(OrdinanceSuite Suite, ImmutableArray<CaseResult> Cases)
{
    /// <summary>How many cases passed.</summary>
    public int Passed => Cases.Count(c => c.Passed);

    /// <summary>How many cases failed.</summary>
    public int Failed => Cases.Length - Passed;
}

/// <summary>
/// The result of one case: the report the ordinance gave, and each expectation it did not meet.
/// </summary>
/// <param name="Case">The case.</param>
/// <param name="Report">The report; null when the case could not be evaluated (see <paramref name="Error"/>).</param>
/// <param name="Mismatches">The expectations not met, in the case's order.</param>
/// <param name="Error">Why the case could not be evaluated, such as a missing as-of instant; null when it was.</param>
public sealed record CaseResult(SuiteCase Case, ComplianceReport? Report, ImmutableArray<FindingMismatch> Mismatches, string? Error = null)
{
    /// <summary>Whether the case was evaluated and met every expectation.</summary>
    public bool Passed => Error is null && Mismatches.IsEmpty;

    /// <summary>
    /// For a failed case, the text to show: a first line naming the case and where it was written, then,
    /// for each expectation not met, the expected and the actual finding with the finding's reason.
    /// Null when the case passed.
    /// </summary>
    public string? FailureMessage
    {
        get
        {
            if (Passed)
            {
                return null;
            }

            var text = new StringBuilder();
            text.Append(Case.Location is null ? string.Empty : $"{Case.Location}: ")
                .Append("case '").Append(Case.Name).Append("' failed");
            if (Error is not null)
            {
                text.Append(": ").Append(Error);
            }

            foreach (var mismatch in Mismatches)
            {
                text.Append('\n').Append(mismatch);
            }

            return text.ToString();
        }
    }
}

/// <summary>An expectation that was not met, with the finding it was compared with.</summary>
/// <param name="Expected">The expectation.</param>
/// <param name="Actual">The finding it selected that differs; null when it selected none.</param>
/// <param name="ExpectedText">The expectation in words, such as <c>exception-applies, exceptions E2a</c>.</param>
/// <param name="ActualText">The finding in the same words, or why there is none.</param>
public sealed record FindingMismatch(ExpectedFinding Expected, Finding? Actual, string ExpectedText, string ActualText)
{
    /// <summary>
    /// The provision and facts on one line, then <c>expected:</c>, <c>actual:</c> and, when there is a
    /// finding, <c>reason:</c>, each indented two spaces.
    /// </summary>
    /// <returns>The mismatch as text; lines end with <c>\n</c>.</returns>
    public override string ToString()
    {
        var facts = Actual is { Facts.Length: > 0 }
            ? string.Join(", ", Actual.Facts.Select(f => $"{f.Variable}={f.FactId}"))
            : string.Join(", ", Expected.Facts.Select(f => $"{f.Key}={f.Value}"));
        var text = new StringBuilder(Expected.ProvisionId);
        if (facts.Length > 0)
        {
            text.Append(" (").Append(facts).Append(')');
        }

        text.Append("\n  expected: ").Append(ExpectedText)
            .Append("\n  actual:   ").Append(ActualText);
        if (Actual is not null)
        {
            text.Append("\n  reason:   ").Append(Actual.Reason);
        }

        return text.ToString();
    }
}
