using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Yaml.Tests;

/// <summary>Calendar time beside elapsed time: periods of days, months, quarters and years, and the start and end of each, in the jurisdiction's zone, through NRules.</summary>
public class OrdinanceYamlCalendarTimeTests
{
    // The deadline's 'due' condition starts on line 17, column 14.
    private const string Ordinance = """
        ordinance: "1"
        title: T
        jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
        vocabulary: { uses: test-vocabulary.yaml }
        provisions:
          - id: R1
            section: "§ 1"
            title: Report on each request
            text: A report on each request is due 15 days after the end of the quarter in which it was received.
            modality: obligation
            binds: Town
            for: { r: request }
            duty:
              met-by: { for: { n: notice }, when: n.about == r }
              at: n.issuedAt
              deadline:
                due: DUE
        """;

    private static Result<CompiledOrdinance> Compile(string due) => TestFiles.Compile(Ordinance.Replace("DUE", due));

    private static Result<ComplianceReport> Evaluate(string due, string receivedAt, string? issuedAt = null)
    {
        var compiled = Compile(due).GetValueOrThrow();
        var notice = issuedAt is null ? string.Empty : $"\n  - notice: n-1\n    about: req-1\n    issuedAt: {issuedAt}";
        var scenario = OrdinanceYaml.ParseScenario($"scenario: S\nfacts:\n  - request: req-1\n    receivedAt: {receivedAt}{notice}", "scenario.yaml", compiled.Ordinance).GetValueOrThrow();
        return compiled.TryEvaluate(scenario, new DateTimeOffset(2022, 6, 1, 0, 0, 0, TimeSpan.Zero), EvaluationOptions.Default);
    }

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset DueAt(string due, string receivedAt) => Evaluate(due, receivedAt).GetValueOrThrow().Findings.Single().DueAt!.Value;

    [Fact]
    public void Evaluate_FifteenDaysAfterTheEndOfTheQuarter_IsLocalMidnightInDaylightTime()
    {
        // Q3 2021 ends at midnight on 1 October (CDT, -05:00); 15 days later is midnight on 16 October.
        DueAt("end-of-quarter(r.receivedAt) + 15 days", "2021-09-10T10:00").Should().Be(At("2021-10-16T00:00:00-05:00"));
    }

    [Fact]
    public void Evaluate_EndOfAQuarterThatCrossesTheChangeToStandardTime_IsMidnightNot23h()
    {
        // Q4 2021 starts in CDT and ends in CST. A quarter of calendar time is midnight to midnight; 92 elapsed days are not.
        DueAt("start-of-quarter(r.receivedAt) + 1 quarter", "2021-11-20T10:00").Should().Be(At("2022-01-01T00:00:00-06:00"));
        DueAt("end-of-quarter(r.receivedAt)", "2021-11-20T10:00").Should().Be(At("2022-01-01T00:00:00-06:00"));
        DueAt("start-of-quarter(r.receivedAt) + 92d", "2021-11-20T10:00").Should().Be(At("2021-12-31T23:00:00-06:00"));
        DueAt("end-of-quarter(r.receivedAt) + 15 days", "2021-11-20T10:00").Should().Be(At("2022-01-16T00:00:00-06:00"));
    }

    [Fact]
    public void Evaluate_DaysAcrossTheChangeToDaylightTime_KeepTheLocalTimeWhereHoursDoNot()
    {
        // 13 March 2021 09:00 CST; DST begins on 14 March.
        DueAt("r.receivedAt + 2 days", "2021-03-13T09:00").Should().Be(At("2021-03-15T09:00:00-05:00"));
        DueAt("r.receivedAt + 48h", "2021-03-13T09:00").Should().Be(At("2021-03-15T10:00:00-05:00"));
    }

    [Fact]
    public void Evaluate_OneMonthAfterTheThirtyFirst_IsTheLastDayOfAShorterMonth()
    {
        DueAt("r.receivedAt + 1 month", "2021-01-31T12:00").Should().Be(At("2021-02-28T12:00:00-06:00"));
        DueAt("r.receivedAt - 1 month", "2021-03-31T12:00").Should().Be(At("2021-02-28T12:00:00-06:00"));
    }

    [Theory]
    [InlineData("start-of-day(r.receivedAt)", "2021-07-04T00:00:00-05:00")]
    [InlineData("end-of-day(r.receivedAt)", "2021-07-05T00:00:00-05:00")]
    [InlineData("start-of-month(r.receivedAt)", "2021-07-01T00:00:00-05:00")]
    [InlineData("end-of-month(r.receivedAt)", "2021-08-01T00:00:00-05:00")]
    [InlineData("start-of-year(r.receivedAt)", "2021-01-01T00:00:00-06:00")]
    [InlineData("end-of-year(r.receivedAt) + 1 year + 2 weeks", "2023-01-15T00:00:00-06:00")]
    public void Evaluate_StartAndEndOfEachUnit_InTheJurisdictionsZone(string due, string expected)
    {
        // 23:30 on 4 July in Kansas is already 5 July in UTC: the day is the local one.
        DueAt(due, "2021-07-04T23:30").Should().Be(At(expected));
    }

    [Fact]
    public void Evaluate_NoticeBeforeTheCalendarDeadline_Complies()
    {
        var report = Evaluate("end-of-quarter(r.receivedAt) + 15 days", "2021-09-10T10:00", issuedAt: "2021-10-15T23:59").GetValueOrThrow();

        report.Findings.Single().Status.Should().Be(FindingStatus.Complied);
    }

    [Fact]
    public void Evaluate_UnknownInstant_LeavesTheCalendarDeadlineUnknown()
    {
        var report = Evaluate("end-of-quarter(r.receivedAt) + 15 days", "unknown").GetValueOrThrow();

        var finding = report.Findings.Single();
        finding.Status.Should().Be(FindingStatus.Undetermined);
        finding.Unknowns.Should().Contain("request req-1: receivedAt");
    }

    [Fact]
    public void Compile_ElapsedPlusCalendarTime_SaysTheyDoNotMix()
    {
        var (code, where, message) = TestFiles.Single(Compile("r.receivedAt + (48h + 2 days)"));

        code.Should().Be(DiagnosticCodes.ConditionType);
        where.Should().Be("17:30"); // the left operand, 48h
        message.Should().Be("in deadline 'due' of provision R1: cannot add a calendar period to a duration: elapsed time (48h, 2d) and calendar time (2 days, 1 month) do not mix; add each to the instant in turn, such as end-of-quarter(t) + 15 days + 12h");
    }

    [Fact]
    public void Compile_CalendarPeriodOutOfRange_IsALiteralRangeError()
    {
        TestFiles.Single(Compile("r.receivedAt + 101 years")).Should().Be((
            DiagnosticCodes.ConditionLiteralRange, "17:29", "in deadline 'due' of provision R1: the calendar period '101 years' is out of range: the allowed calendar periods of at most 100 years (1200 months, 400 quarters) and 36600 days"));
    }

    [Fact]
    public void Compile_BoundaryOfSomethingNotAnInstant_IsATypeError()
    {
        TestFiles.Single(Compile("end-of-quarter(r.kind)")).Should().Be((
            DiagnosticCodes.ConditionType, "17:29", "in deadline 'due' of provision R1: expected an instant here, but this is an enumeration value"));
    }

    [Fact]
    public void Compile_MisspelledBoundary_SuggestsTheFunction()
    {
        TestFiles.Single(Compile("end-of-quater(r.receivedAt)")).Item3.Should().EndWith("did you mean 'end-of-quarter'?");
    }

    [Fact]
    public void Evaluate_CalendarArithmeticPastTheLastInstant_IsAnOverflowDiagnostic()
    {
        var result = Evaluate("r.receivedAt + 100 years", "8950-01-01T00:00");

        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.EvaluationOverflow);
        result.Diagnostics[0].Message.Should().Contain("8950-01-01T00:00:00-06:00 + 1200 months is out of range");
    }
}
