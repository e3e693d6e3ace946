namespace OrdinanceRules.Diagnostics;

/// <summary>
/// Every bound on untrusted input, in one place: ordinances, vocabularies, scenarios and suites come from
/// other cities and from records systems, so what they may ask of the machine is capped. docs/diagnostics.md
/// lists each limit with its reason; exceeding one is a located diagnostic, never an exception.
/// </summary>
/// <remarks>
/// Values are checked where they enter (a file, a scenario builder, a condition's literal) and where they
/// combine (arithmetic in conditions, deadlines); budgets are checked before the work they bound starts.
/// </remarks>
public static class Limits
{
    /// <summary>The largest file read, in bytes (1 MiB). Counted while reading, whatever size the file system reports.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>The deepest nesting of a file's mappings and lists; the root mapping is level 1.</summary>
    public const int MaxFileNesting = 32;

    /// <summary>The longest single value in a file, in characters (64 KiB).</summary>
    public const int MaxScalarLength = 64 * 1024;

    /// <summary>The most facts a scenario may state.</summary>
    public const int MaxFacts = 10_000;

    /// <summary>The most cases a test suite may have; each may read a scenario file.</summary>
    public const int MaxCases = 1_000;

    /// <summary>The longest condition, in characters.</summary>
    public const int MaxConditionLength = 4_000;

    /// <summary>
    /// The deepest condition: every nesting counts (<c>not</c>, <c>if</c>, parentheses, brackets, calls,
    /// operators), so that no condition can exhaust a 1 MB stack when it is parsed, checked or compiled.
    /// </summary>
    public const int MaxConditionDepth = 64;

    /// <summary>The most items in one list of a condition, such as <c>['ice', 'cbp']</c>.</summary>
    public const int MaxListItems = 256;

    /// <summary>The most definitions an ordinance may have.</summary>
    public const int MaxDefinitions = 200;

    /// <summary>
    /// The most terms one condition may hold once the definitions it calls (and those they call) are written out into
    /// it: a definition that calls another twice, which calls a third twice, and so on, doubles at each step.
    /// </summary>
    public const int MaxExpandedConditionNodes = 10_000;

    /// <summary>The first year of a date or an instant (1000): far enough back for any ordinance, and far from the end of .NET's calendar.</summary>
    public const int MinYear = 1000;

    /// <summary>The last year of a date or an instant (8999): durations of up to <see cref="MaxDuration"/> added to it stay representable.</summary>
    public const int MaxYear = 8999;

    /// <summary>The largest offset from UTC an instant may carry (14 hours, as in Kiribati), in minutes.</summary>
    public const int MaxOffsetMinutes = 14 * 60;

    /// <summary>The largest number in one part of a duration, such as the 48 of <c>48h</c>.</summary>
    public const long MaxDurationPart = 1_000_000;


    /// <summary>The most holidays a calendar may list.</summary>
    public const int MaxHolidays = 5_000;

    /// <summary>The most provisions an ordinance may have.</summary>
    public const int MaxProvisions = 500;

    /// <summary>The most exceptions an ordinance may have, counted over all its provisions and nested exceptions.</summary>
    public const int MaxExceptions = 2_000;

    /// <summary>The most variables a provision's match may bind, counting its <c>for:</c>, its breach's and its exceptions' (each adds a join).</summary>
    public const int MaxVariables = 8;

    /// <summary>The most fact types one variable may range over (<c>x: [inquiry, record, action]</c>); its conditions are type-checked once per type.</summary>
    public const int MaxBindingTypes = 8;

    /// <summary>
    /// The most periods one recurring duty may generate for an evaluation (1,200: a hundred years of months): the
    /// periods from the duty's start to the as-of instant, each a fact and a finding. Checked before the facts are inserted.
    /// </summary>
    public const int MaxRecurringPeriods = 1_200;

    /// <summary>The most NRules rules one compiled law stack may have.</summary>
    public const int MaxRules = 10_000;

    /// <summary>
    /// The most combinations of facts one provision or exception may have to consider in an evaluation: the
    /// product, over each join the compiled network makes, of the numbers of facts of each type it joins (four agency
    /// variables over 200 agencies are 1.6 billion); a variable found by following a reference does not multiply it.
    /// Checked before the facts are inserted.
    /// </summary>
    public const long MaxCombinations = 1_000_000;

    /// <summary>
    /// The evaluation budget: facts × rules. Checked before an evaluation starts; the rule firings of an
    /// evaluation are bounded by it too.
    /// </summary>
    public const long MaxEvaluationWork = 20_000_000;

    /// <summary>The longest value echoed in a message, in characters; longer ones are cut, with their length.</summary>
    public const int MaxEchoedValue = 80;

    /// <summary>The largest magnitude of a number (999,999,999,999,999): sums of such numbers cannot overflow.</summary>
    public static decimal MaxNumber { get; } = 999_999_999_999_999m;

    /// <summary>The longest duration (36,600 days, about 100 years).</summary>
    public static TimeSpan MaxDuration { get; } = TimeSpan.FromDays(36_600);

    /// <summary>The earliest instant: the start of <see cref="MinYear"/>, UTC.</summary>
    public static DateTimeOffset EarliestInstant { get; } = new(MinYear, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The latest instant: the end of <see cref="MaxYear"/>, UTC.</summary>
    public static DateTimeOffset LatestInstant { get; } = new(MaxYear, 12, 31, 23, 59, 59, TimeSpan.Zero);

    /// <summary>Whether an instant is within <see cref="EarliestInstant"/> and <see cref="LatestInstant"/>.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>True when within.</returns>
    public static bool InRange(DateTimeOffset instant) =>
        instant.UtcTicks >= EarliestInstant.UtcTicks && instant.UtcTicks <= LatestInstant.UtcTicks;

    /// <summary>Whether a date's year is within <see cref="MinYear"/> and <see cref="MaxYear"/>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>True when within.</returns>
    public static bool InRange(DateOnly date) => date.Year is >= MinYear and <= MaxYear;

    /// <summary>Whether a duration is within ±<see cref="MaxDuration"/>.</summary>
    /// <param name="duration">The duration.</param>
    /// <returns>True when within.</returns>
    public static bool InRange(TimeSpan duration) => duration.Duration() <= MaxDuration;

    /// <summary>Whether a number is within ±<see cref="MaxNumber"/>.</summary>
    /// <param name="number">The number.</param>
    /// <returns>True when within.</returns>
    public static bool InRange(decimal number) => Math.Abs(number) <= MaxNumber;

    /// <summary>The allowed instants, in words, for messages.</summary>
    internal const string InstantRange = "instants from 1000-01-01T00:00:00Z to 8999-12-31T23:59:59Z, with an offset of at most ±14:00";

    /// <summary>The allowed dates, in words, for messages.</summary>
    internal const string DateRange = "dates from 1000-01-01 to 8999-12-31";

    /// <summary>The allowed durations, in words, for messages.</summary>
    internal const string DurationRange = "durations of whole numbers of d, h, m and s, each at most 1,000,000, and at most 36600d in all";

    /// <summary>The allowed numbers, in words, for messages.</summary>
    internal const string NumberRange = "numbers from -999,999,999,999,999 to 999,999,999,999,999";
}
