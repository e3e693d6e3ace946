using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Yaml.Tests;

/// <summary>Malformed readings, calendars and deadlines: each problem at its line and column.</summary>
public class OrdinanceYamlReadingsErrorTests
{
    // Lines 1-5; the block under test starts on line 6.
    private const string Header = """
        ordinance: "1"
        title: T
        jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
        vocabulary: { uses: test-vocabulary.yaml }
        provisions: []
        """;

    // Lines 1-17; the deadline's keys start on line 18, column 9.
    private const string ObligationHeader = """
        ordinance: "1"
        title: T
        jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
        vocabulary: { uses: test-vocabulary.yaml }
        calendars: { us-federal: [2021-07-05] }
        provisions:
          - id: N1
            section: "§ 1"
            title: Notice
            text: Notice shall be given.
            modality: obligation
            binds: Town
            for: { r: request }
            duty:
              met-by: { for: { n: notice }, when: n.about == r }
              at: n.issuedAt
              deadline:
        """;

    private static Result<Model.Ordinance> With(string block) => TestFiles.Ordinance(Header + "\n" + block);

    private static Result<Model.Ordinance> WithDeadline(string keys) =>
        TestFiles.Ordinance(ObligationHeader + "\n" + string.Join("\n", keys.Split('\n').Select(l => "        " + l)));

    private static Result<Model.Ordinance> WithReading(string alternatives, string @default = "inclusive") => With($"""
        readings:
          - name: end
            question: Is the due instant on time?
            alternatives: {alternatives}
            default: {@default}
        """);

    [Fact]
    public void ParseOrdinance_ReadingsIsAMapping_ReportsWrongShape()
    {
        TestFiles.Single(With("readings: { end: inclusive }")).Should().Be((YamlDiagnosticCodes.WrongShape, "6:11", "'readings' in the ordinance must be a list, not a mapping"));
    }

    [Fact]
    public void ParseOrdinance_ReadingWithoutDefault_ReportsTheMissingKeyAtTheReading()
    {
        var result = With("""
            readings:
              - name: end
                question: Is the due instant on time?
                alternatives: { inclusive: On time., exclusive: Late. }
            """);

        TestFiles.Single(result).Should().Be((YamlDiagnosticCodes.MissingKey, "7:5", "missing required key 'default' in reading 'end'"));
    }

    [Fact]
    public void ParseOrdinance_DefaultNotAnAlternative_ListsTheAlternativesWithASuggestion()
    {
        TestFiles.Single(WithReading("{ inclusive: On time., exclusive: Late. }", "inclusiv")).Should().Be((
            YamlDiagnosticCodes.InvalidValue,
            "10:14",
            "the default of reading 'end' must be one of its alternatives (inclusive, exclusive), not 'inclusiv'; did you mean 'inclusive'?"));
    }

    [Fact]
    public void ParseOrdinance_OneAlternative_ReportsWrongShapeAtTheMapping()
    {
        TestFiles.Single(WithReading("{ inclusive: On time. }")).Should().Be((
            YamlDiagnosticCodes.WrongShape,
            "9:19",
            "'alternatives' in reading 'end' must list at least two alternatives, each with a description"));
    }

    [Fact]
    public void ParseOrdinance_AlternativesAsAList_ReportsWrongShape()
    {
        TestFiles.Single(WithReading("[inclusive, exclusive]")).Should().Be((
            YamlDiagnosticCodes.WrongShape,
            "9:19",
            "'alternatives' in reading 'end' must be a mapping of alternative: description, such as { inclusive: ..., exclusive: ... }, not a list"));
    }

    [Fact]
    public void ParseOrdinance_AlternativeWithoutDescription_ReportsItsEmptyValue()
    {
        var result = With("""
            readings:
              - name: end
                question: Is the due instant on time?
                alternatives:
                  inclusive: On time.
                  exclusive:
                default: inclusive
            """);

        var (code, where, message) = TestFiles.Single(result);
        (code, message).Should().Be((YamlDiagnosticCodes.WrongShape, "'exclusive' in reading 'end' has no value"));
        where.Should().StartWith("11:");
    }

    [Fact]
    public void ParseOrdinance_AlternativeTwice_ReportsTheDuplicateKey()
    {
        var result = WithReading("{ inclusive: On time., inclusive: Late. }");

        // The second key is dropped, which leaves one alternative: both are reported.
        TestFiles.Summary(result).Should().Equal("OR4004 9:19", "OR4003 9:42");
        result.Diagnostics[1].Message.Should().Be("duplicate key 'inclusive'; it is already set at line 9");
    }

    [Fact]
    public void ParseOrdinance_BadReadingAndAlternativeNames_AreInvalidValues()
    {
        var result = With("""
            readings:
              - name: p3 anchor
                question: What starts the clock?
                alternatives: { receipt: Receipt., "actual reading": Reading. }
                default: receipt
            """);

        TestFiles.Summary(result).Should().Equal("OR4008 7:11", "OR4008 9:40");
        result.Diagnostics[0].Message.Should().Be("reading name 'p3 anchor' must start with a letter or digit and hold only letters, digits, '-', '_' and '.'");
        result.Diagnostics[1].Message.Should().StartWith("alternative 'actual reading' of reading 'p3 anchor' must start with");
    }

    [Fact]
    public void ParseOrdinance_TwoReadingsWithOneName_ReportsTheSecond()
    {
        var result = With("""
            readings:
              - name: end
                question: Q?
                alternatives: { a: A., b: B. }
                default: a
              - name: end
                question: Q again?
                alternatives: { a: A., b: B. }
                default: b
            """);

        TestFiles.Single(result).Should().Be((DiagnosticCodes.InvalidOrdinance, "11:11", "reading 'end' is already declared at line 7; reading names must be unique"));
    }

    [Fact]
    public void ParseOrdinance_MisspelledReadingKey_SuggestsTheRightOne()
    {
        var result = With("""
            readings:
              - name: end
                question: Q?
                alternatives: { a: A., b: B. }
                defualt: a
            """);

        TestFiles.Summary(result).Should().Equal("OR4005 7:5", "OR4002 10:5");
        result.Diagnostics[1].Message.Should().Be("unknown key 'defualt' in reading 'end'; did you mean 'default'?");
    }

    [Fact]
    public void ParseOrdinance_CalendarsAsAList_ReportsWrongShape()
    {
        TestFiles.Single(With("calendars: [2021-07-05]")).Should().Be((
            YamlDiagnosticCodes.WrongShape,
            "6:12",
            "'calendars' must be a mapping of calendar name to a list of dates, such as { us-federal: [2021-01-01, 2021-01-18] }, not a list"));
    }

    [Fact]
    public void ParseOrdinance_CalendarProblems_AreEachReportedAtTheirValue()
    {
        var result = With("""
            calendars:
              us-federal: [2021-07-05, 2021-13-01, 2021-07-05]
              state: 2021-07-05
            """);

        TestFiles.Summary(result).Should().Equal("OR4008 7:28", "OR4008 7:40", "OR4004 8:10");
        result.Diagnostics.Select(d => d.Message).Should().Equal(
            "each holiday of calendar 'us-federal' must be a date such as 2021-07-05, not '2021-13-01'",
            "calendar 'us-federal' lists 2021-07-05 twice (first at line 7)",
            "calendar 'state' must be a list of dates such as [2021-01-01, 2021-01-18], not text");
    }

    [Fact]
    public void ParseOrdinance_DueWithWithin_ReportsTheKeyThatDoesNotGo()
    {
        var result = WithDeadline("""
            due: n.issuedAt
            within: 48h
            """);

        TestFiles.Single(result).Should().Be((
            YamlDiagnosticCodes.WrongShape,
            "19:9",
            "'within' does not go with 'due' in 'deadline' of 'duty' of provision 'N1': give the due instant as 'due', or a duration as 'within' and 'from'"));
    }

    [Fact]
    public void ParseOrdinance_DeadlineWithNeitherDueNorWithin_SaysWhatIsNeeded()
    {
        var (code, where, message) = TestFiles.Single(WithDeadline("anchor: receipt"));

        (code, where).Should().Be((YamlDiagnosticCodes.MissingKey, "18:9"));
        message.Should().Be("'deadline' of 'duty' of provision 'N1' needs 'within' and 'from' (a duration from an instant), or 'due' (the due instant)");
    }

    [Fact]
    public void ParseOrdinance_WithinWithoutFrom_ReportsTheMissingKey()
    {
        TestFiles.Single(WithDeadline("within: 48h")).Should().Be((YamlDiagnosticCodes.MissingKey, "18:9", "missing required key 'from' in 'deadline' of 'duty' of provision 'N1'"));
    }

    [Fact]
    public void ParseOrdinance_BadCounting_ListsTheWordsWithASuggestion()
    {
        var result = WithDeadline("""
            within: 48h
            from: r.receivedAt
            counting: business-hour
            """);

        TestFiles.Single(result).Should().Be((
            YamlDiagnosticCodes.InvalidValue,
            "20:19",
            "'counting' must be one of elapsed, business-hours, business-days, not 'business-hour'; did you mean 'business-hours'?"));
    }

    [Fact]
    public void ParseOrdinance_UndeclaredCalendar_NamesTheDeclaredOnes()
    {
        var result = WithDeadline("""
            within: 5d
            from: r.receivedAt
            counting: business-days
            calendar: us-federl
            """);

        TestFiles.Single(result).Should().Be((
            DiagnosticCodes.InvalidOrdinance,
            "21:19",
            "'calendar' names 'us-federl', which is not declared (calendars: us-federal); did you mean 'us-federal'?"));
    }

    [Fact]
    public void ParseOrdinance_CalendarWithElapsedCounting_IsRefused()
    {
        var result = WithDeadline("""
            within: 48h
            from: r.receivedAt
            calendar: us-federal
            """);

        TestFiles.Single(result).Should().Be((
            YamlDiagnosticCodes.WrongShape,
            "20:9",
            "'calendar' in 'deadline' of 'duty' of provision 'N1' needs 'counting: business-hours' or 'counting: business-days'; elapsed time skips no days"));
    }

    [Fact]
    public void ParseOrdinance_BusinessDaysInHours_AsksForWholeDays()
    {
        var result = WithDeadline("""
            within: 36h
            from: r.receivedAt
            counting: business-days
            """);

        TestFiles.Single(result).Should().Be((YamlDiagnosticCodes.InvalidValue, "18:17", "counting business-days needs 'within' in whole days, such as 5d, not '36h'"));
    }

    [Fact]
    public void ParseOrdinance_NonPositiveWithin_IsAnInvalidValue()
    {
        TestFiles.Single(WithDeadline("within: 0h\nfrom: r.receivedAt")).Should().Be((
            YamlDiagnosticCodes.InvalidValue,
            "18:17",
            "'within' must be a duration longer than zero, not '0h'"));
    }

    [Fact]
    public void TryCompile_MisspelledReadingInInclusive_IsReportedInsideTheCondition()
    {
        var yaml = ObligationHeader.Replace("calendars: { us-federal: [2021-07-05] }", """
            readings:
              - { name: end, question: Q?, alternatives: { inclusive: On time., exclusive: Late. }, default: inclusive }
            """, StringComparison.Ordinal) + "\n        due: r.receivedAt + 48h\n        inclusive: reading('edn') == 'inclusive'";
        var ordinance = TestFiles.Ordinance(yaml).GetValueOrThrow();

        var diagnostic = OrdinanceCompiler.TryCompile(ordinance).Diagnostics.Should().ContainSingle().Subject;

        diagnostic.Code.Should().Be(DiagnosticCodes.ConditionUnknownName);
        diagnostic.Location.Should().Be(new SourceLocation("test.yaml", 20, 28));
        diagnostic.Message.Should().Contain("'edn' is not a reading of this ordinance (readings: end); did you mean 'end'?");
    }

    [Fact]
    public void TryCompile_ComparisonWithAnUndeclaredAlternative_IsATypeError()
    {
        var yaml = ObligationHeader.Replace("calendars: { us-federal: [2021-07-05] }", """
            readings:
              - { name: end, question: Q?, alternatives: { inclusive: On time., exclusive: Late. }, default: inclusive }
            """, StringComparison.Ordinal) + "\n        due: r.receivedAt + 48h\n        inclusive: reading('end') == 'sometimes'";

        var diagnostic = OrdinanceCompiler.TryCompile(TestFiles.Ordinance(yaml).GetValueOrThrow()).Diagnostics.Should().ContainSingle().Subject;

        diagnostic.Location!.Line.Should().Be(20);
        diagnostic.Message.Should().Contain("'sometimes' is not one of the field's values: inclusive, exclusive");
    }
}
