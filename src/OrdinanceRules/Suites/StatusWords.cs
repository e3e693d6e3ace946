namespace OrdinanceRules.Suites;

/// <summary>Statuses as suites, JSON reports and coverage lists write them: kebab-case words.</summary>
public static class StatusWords
{
    private static readonly (FindingStatus Status, string Word)[] Words =
    [
        (FindingStatus.Violated, "violated"),
        (FindingStatus.Complied, "complied"),
        (FindingStatus.ExceptionApplies, "exception-applies"),
        (FindingStatus.NotApplicable, "not-applicable"),
        (FindingStatus.Pending, "pending"),
        (FindingStatus.Undetermined, "undetermined"),
    ];

    /// <summary>Every word, in the order of <see cref="FindingStatus"/>.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Words.Select(w => w.Word)];

    /// <summary>The word for a status, such as <c>exception-applies</c>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The word.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a status.</exception>
    public static string Of(FindingStatus status)
    {
        foreach (var (s, w) in Words)
        {
            if (s == status)
            {
                return w;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(status), status, "not a finding status");
    }

    /// <summary>The status a word names.</summary>
    /// <param name="word">The word, such as <c>not-applicable</c>.</param>
    /// <param name="status">The status, when the word names one.</param>
    /// <returns>Whether it does.</returns>
    public static bool TryParse(string word, out FindingStatus status)
    {
        foreach (var (s, w) in Words)
        {
            if (string.Equals(w, word, StringComparison.Ordinal))
            {
                status = s;
                return true;
            }
        }

        status = default;
        return false;
    }
}
