using System.Globalization;
using OrdinanceRules.Model;

namespace OrdinanceRules.Tests.Evaluation;

public class BusinessDayDeadlineTests
{
    private static readonly HolidayCalendar UsFederal2021 = new("us-federal", [new DateOnly(2021, 7, 5), new DateOnly(2021, 9, 6)]);

    private static CompiledOrdinance With(DeadlineCounting counting, TimeSpan within) =>
        OrdinanceCompiler.Compile(TestOrdinance.Create(TestOrdinance.Alert with
        {
            Exceptions = [],
            Duty = TestOrdinance.Alert.Duty! with
            {
                Deadline = new Deadline(within, "k.receivedAt") { Counting = counting, Calendar = "us-federal" },
            },
        }) with
        { Calendars = [UsFederal2021] });

    private static DateTimeOffset? Due(CompiledOrdinance ordinance, string receivedAt)
    {
        var scenario = TestOrdinance.Scenario()
            .Fact("operation", "op1", f => f.Set("agency", "ICE-ERO").Set("status", "planned"))
            .Fact("awareness", "k1", f => f.Set("agency", "RPPD").Set("operation", "op1").Set("receivedAt", receivedAt))
            .Build();
        return ordinance.Evaluate(scenario, DateTimeOffset.Parse("2021-01-01T00:00:00-06:00", CultureInfo.InvariantCulture)).For("P3").Single().DueAt;
    }

    [Fact]
    public void Due_48BusinessHoursFromFriday_SkipsTheWeekend()
    {
        // Friday 2021-03-05 10:00 CST: 14 hours remain on Friday, 24 on Monday, 10 on Tuesday.
        Due(With(DeadlineCounting.BusinessHours, TimeSpan.FromHours(48)), "2021-03-05T10:00:00-06:00")
            .Should().Be(DateTimeOffset.Parse("2021-03-09T10:00:00-06:00", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Due_48BusinessHoursAcrossAHolidayWeekend_SkipsTheHolidayToo()
    {
        // Friday 2021-07-02 10:00 CDT; Saturday, Sunday and Monday 5 July (Independence Day observed) do not count.
        Due(With(DeadlineCounting.BusinessHours, TimeSpan.FromHours(48)), "2021-07-02T10:00:00-05:00")
            .Should().Be(DateTimeOffset.Parse("2021-07-07T10:00:00-05:00", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Due_FiveBusinessDaysAcrossLaborDay_IsTheEndOfTheFifthBusinessDay()
    {
        // Thursday 2021-09-02; Friday 3, Tuesday 7, Wednesday 8, Thursday 9, Friday 10 (Monday 6 is Labor Day).
        var due = Due(With(DeadlineCounting.BusinessDays, TimeSpan.FromDays(5)), "2021-09-02T15:00:00-05:00")!.Value;

        due.Should().BeCloseTo(DateTimeOffset.Parse("2021-09-11T00:00:00-05:00", CultureInfo.InvariantCulture), TimeSpan.FromMilliseconds(1));
        due.Should().BeBefore(DateTimeOffset.Parse("2021-09-11T00:00:00-05:00", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Due_CountingIntoAYearTheCalendarDoesNotCover_IsUndeterminedNotSilentlyWorkingDays()
    {
        var ordinance = With(DeadlineCounting.BusinessHours, TimeSpan.FromHours(48));
        var scenario = TestOrdinance.Scenario()
            .Fact("operation", "op1", f => f.Set("agency", "ICE-ERO").Set("status", "planned"))
            .Fact("awareness", "k1", f => f.Set("agency", "RPPD").Set("operation", "op1").Set("receivedAt", "2021-12-30T10:00:00-06:00"))
            .Build();

        var finding = ordinance.Evaluate(scenario, DateTimeOffset.Parse("2022-01-10T00:00:00-06:00", CultureInfo.InvariantCulture)).For("P3").Single();

        finding.Status.Should().Be(FindingStatus.Undetermined);
        finding.Unknowns.Should().Equal("whether 2022-01-03 is a holiday: the calendar us-federal does not cover that year");
    }

    [Fact]
    public void TryCompile_UnknownCalendar_IsAModelError()
    {
        var provision = TestOrdinance.Alert with { Duty = TestOrdinance.Alert.Duty! with { Deadline = new Deadline(TimeSpan.FromDays(5), "k.receivedAt") { Counting = DeadlineCounting.BusinessDays, Calendar = "nope" } } };

        OrdinanceCompiler.TryCompile(TestOrdinance.Create(provision)).Diagnostics
            .Should().ContainSingle().Which.Message.Should().Contain("calendar 'nope'");
    }
}
