
namespace OrdinanceRules.Cli.Comparison;

/// <summary>How a cell of the comparison matrix is summed up: the most serious status among its findings.</summary>
/// <remarks>
/// From most to least serious: Violated, Undetermined (it may be violated), Pending (a duty is still
/// open), ExceptionApplies (breached but excused), Complied, NotApplicable (nothing applies).
/// </remarks>
internal static class Verdicts
{
    private static readonly FindingStatus[] Order =
    [
        FindingStatus.Violated,
        FindingStatus.Undetermined,
        FindingStatus.Pending,
        FindingStatus.ExceptionApplies,
        FindingStatus.Complied,
        FindingStatus.NotApplicable,
    ];

    /// <summary>0 for the most serious status, 5 for the least.</summary>
    public static int Severity(FindingStatus status) => Array.IndexOf(Order, status);

    /// <summary>The most serious status of <paramref name="findings"/>; NotApplicable when there are none.</summary>
    public static FindingStatus Worst(IEnumerable<Finding> findings) =>
        findings.Select(f => f.Status).DefaultIfEmpty(FindingStatus.NotApplicable).MinBy(Severity);

    /// <summary>The status in words, as the reports write it: <c>violated</c>, <c>exception applies</c>, <c>not applicable</c>.</summary>
    public static string Name(FindingStatus status) => status switch
    {
        FindingStatus.ExceptionApplies => "exception applies",
        FindingStatus.NotApplicable => "not applicable",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>The status as JSON writes it: <c>exception-applies</c>.</summary>
    public static string Kebab(FindingStatus status) => Json.OrdinanceJson.Word(status);

    /// <summary>The words of a cell whose scenario the ordinance's vocabulary cannot express.</summary>
    public const string NotExpressible = "not expressible";

    /// <summary>The verdict in a cell's headline: a cell where nothing applies says so; a null verdict is a scenario the ordinance cannot express.</summary>
    public static string Headline(FindingStatus? verdict) => verdict switch
    {
        null => NotExpressible,
        FindingStatus.NotApplicable => "nothing applies",
        { } v => Name(v),
    };

    /// <summary>The verdict as a CSS class and JSON word: <c>exception-applies</c>, <c>not-expressible</c>.</summary>
    public static string Kebab(FindingStatus? verdict) => verdict is { } v ? Kebab(v) : NotExpressible.Replace(' ', '-');
}
