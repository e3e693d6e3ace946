using OrdinanceRules.Diagnostics;
using OrdinanceRules.Model;

namespace OrdinanceRules.Yaml.Tests;

/// <summary>Readings, holiday calendars and the deadline keys beyond within/from, read from YAML and evaluated.</summary>
public class OrdinanceYamlReadingsTests
{
    private static readonly string Path = TestFiles.PathOf("ordinance-readings.yaml");

    private static Ordinance Load() => OrdinanceYaml.LoadOrdinance(Path).GetValueOrThrow();

    [Fact]
    public void LoadOrdinance_Readings_MapsEachReadingWithItsAlternativesInOrder()
    {
        var readings = Load().Readings;

        readings.Select(r => r.Name).Should().Equal("end", "anchor");
        var end = readings[0];
        end.Question.Should().Be("Is a notice given at the due instant on time?");
        end.Alternatives.Should().Equal(
            new ReadingAlternative("inclusive", "A notice at the due instant is on time."),
            new ReadingAlternative("exclusive", "A notice must come before the due instant."));
        end.Default.Should().Be("inclusive");
        end.Location.Should().Be(new SourceLocation(Path, 5, 5));
        readings[1].Alternatives.Select(a => a.Name).Should().Equal("receipt", "fixed-day");
    }

    [Fact]
    public void LoadOrdinance_Calendars_MapsNamesAndDates()
    {
        var calendars = Load().Calendars;

        calendars.Select(c => c.Name).Should().Equal("us-federal-2021", "none-at-all");
        calendars[0].Holidays.Should().Equal(new DateOnly(2021, 7, 5), new DateOnly(2021, 9, 6));
        calendars[1].Holidays.Should().BeEmpty();
    }

    [Fact]
    public void LoadOrdinance_DueDeadline_MapsDueInclusiveAndTheirLocations()
    {
        var deadline = Load().Provisions[0].Duty!.Deadline!;

        deadline.Within.Should().BeNull();
        deadline.From.Should().BeNull();
        deadline.Due.Should().Be(new ConditionText(
            "if reading('anchor') == 'receipt' then r.receivedAt + 48h else @2021-03-10T00:00:00-06:00",
            new SourceLocation(Path, 37, 11)));
        deadline.Inclusive.Should().Be(new ConditionText("reading('end') == 'inclusive'", new SourceLocation(Path, 39, 20)));
        deadline.Counting.Should().Be(DeadlineCounting.Elapsed);
        deadline.Description.Should().Be("the request's receipt, or a fixed day");
    }

    [Fact]
    public void LoadOrdinance_BusinessDayDeadline_MapsCountingAndCalendar()
    {
        var deadline = Load().Provisions[1].Duty!.Deadline!;

        deadline.Within.Should().Be(TimeSpan.FromDays(5));
        deadline.From!.Text.Should().Be("r.receivedAt");
        deadline.Counting.Should().Be(DeadlineCounting.BusinessDays);
        deadline.Calendar.Should().Be("us-federal-2021");
        deadline.Inclusive.Should().BeNull();
    }

    [Theory]
    [InlineData("elapsed", DeadlineCounting.Elapsed)]
    [InlineData("business-hours", DeadlineCounting.BusinessHours)]
    [InlineData("business-days", DeadlineCounting.BusinessDays)]
    public void ParseOrdinance_CountingWords_MapToTheirKinds(string word, DeadlineCounting expected)
    {
        var yaml = TestFiles.Read("ordinance-readings.yaml").Replace("counting: business-days", $"counting: {word}", StringComparison.Ordinal)
            .Replace("        calendar: us-federal-2021\n", word == "elapsed" ? string.Empty : "        calendar: us-federal-2021\n", StringComparison.Ordinal);

        var result = TestFiles.Ordinance(yaml);

        result.Diagnostics.Should().BeEmpty();
        result.Value!.Provisions[1].Duty!.Deadline!.Counting.Should().Be(expected);
    }

    [Fact]
    public void Evaluate_ReadingsFromYaml_SwitchTheOutcomeAndAreNamedInTheReport()
    {
        // YAML in, compiled, evaluated under each alternative: a notice exactly 48 hours after receipt.
        var compiled = OrdinanceCompiler.Compile(Load());
        var scenario = OrdinanceYaml.ParseScenario(
            """
            scenario: Notice at the due instant
            as-of: 2021-03-20T12:00:00-05:00
            facts:
              - request: req-1
                kind: notification
                receivedAt: 2021-03-01T09:00:00-06:00
              - notice: n-1
                about: req-1
                issuedAt: 2021-03-03T09:00:00-06:00
            """,
            "scenario.yaml",
            compiled.Ordinance).GetValueOrThrow();

        var byDefault = compiled.Evaluate(scenario);
        var exclusive = compiled.Evaluate(scenario, EvaluationOptions.Default.WithReading("end", "exclusive"));
        var fixedDay = compiled.Evaluate(scenario, EvaluationOptions.Default.WithReading("anchor", "fixed-day"));

        byDefault.For("N1").Single().Status.Should().Be(FindingStatus.Complied);
        byDefault.Readings.Should().Equal(new AppliedReading("end", "inclusive", true), new AppliedReading("anchor", "receipt", true));
        exclusive.For("N1").Single().Status.Should().Be(FindingStatus.Violated);
        exclusive.Readings.Should().Contain(new AppliedReading("end", "exclusive", false));
        fixedDay.For("N1").Single().DueAt.Should().Be(DateTimeOffset.Parse("2021-03-10T00:00:00-06:00", System.Globalization.CultureInfo.InvariantCulture));
        fixedDay.For("N1").Single().Status.Should().Be(FindingStatus.Complied);
    }

    [Fact]
    public void Evaluate_BusinessDayDeadlineFromYaml_SkipsTheWeekendAndTheCalendarsHoliday()
    {
        var compiled = OrdinanceCompiler.Compile(Load());
        var scenario = OrdinanceYaml.ParseScenario(
            """
            scenario: Request on the Thursday before Labor Day
            as-of: 2021-09-01T00:00:00-05:00
            facts:
              - request: req-1
                kind: notification
                receivedAt: 2021-09-02T15:00:00-05:00
            """,
            "scenario.yaml",
            compiled.Ordinance).GetValueOrThrow();

        // Friday 3, Tuesday 7 (Monday 6 is Labor Day), Wednesday 8, Thursday 9, Friday 10: due at the end of Friday 10.
        var due = compiled.Evaluate(scenario).For("N2").Single().DueAt!.Value;

        due.Should().BeCloseTo(DateTimeOffset.Parse("2021-09-11T00:00:00-05:00", System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromMilliseconds(1));
    }
}
