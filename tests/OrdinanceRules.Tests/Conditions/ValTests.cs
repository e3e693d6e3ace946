using System.Collections.Immutable;
using System.Globalization;
using OrdinanceRules.Conditions;

namespace OrdinanceRules.Tests.Conditions;

/// <summary>The typed payloads of <see cref="Val"/>, its unknowns as <see cref="UnknownCause"/> records, and the scenario's no-unknowns flag.</summary>
public class ValTests
{
    [Fact]
    public void Known_Instant_KeepsTheInstantAndItsOffset()
    {
        var at = DateTimeOffset.Parse("2021-03-01T09:15:30.25-06:00", CultureInfo.InvariantCulture);

        var value = Val.Known((object)at);

        value.Kind.Should().Be(ValKind.Instant);
        value.Instant.Should().Be(at);
        value.Instant.Offset.Should().Be(TimeSpan.FromHours(-6));
        value.Value.Should().Be(at);
    }

    [Fact]
    public void Known_NegativeCalendarPeriod_KeepsMonthsAndDays()
    {
        var period = new CalendarPeriod(-14, -3);

        Val.Known((object)period).Period.Should().Be(period);
    }

    [Fact]
    public void Known_NumberDurationAndText_ReadBackAsGiven()
    {
        Val.Known((object)12.50m).Number.Should().Be(12.50m);
        Val.Known((object)TimeSpan.FromHours(48)).Duration.Should().Be(TimeSpan.FromHours(48));
        Val.Known("ongoing").Reference.Should().Be("ongoing");
        Val.Known((object)true).Should().Be(Val.True);
    }

    [Fact]
    public void Ops_OnKnownValues_AllocateNothing()
    {
        var a = Val.Known(DateTimeOffset.Parse("2021-03-01T09:00:00-06:00", CultureInfo.InvariantCulture));
        var b = Val.Known(DateTimeOffset.Parse("2021-03-01T15:00:00Z", CultureInfo.InvariantCulture));
        var d = Val.Known(TimeSpan.FromHours(2));
        Val Run() => Ops.And(Ops.Or(Ops.Eq(a, b), Val.False), Ops.Compare(Ops.Add(a, d), b, 2));
        Run();
        Run();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Run();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Ops.IsTrue(result).Should().BeTrue();
        allocated.Should().Be(0);
    }

    [Fact]
    public void Known_HasNoUnknowns() => Val.Known(1m).Missing.Should().BeEmpty();

    [Fact]
    public void UnknownCause_OfField_IsWordedAsTypeIdAndField()
    {
        var cause = UnknownCause.OfField("threat", "t1", "specificity");

        cause.Display.Should().Be("threat t1: specificity");
        cause.IsField.Should().BeTrue();
        (cause.FactType, cause.FactId, cause.Field).Should().Be(("threat", "t1", "specificity"));
    }

    [Fact]
    public void UnknownCause_SameFieldTwice_IsEqual()
    {
        UnknownCause.OfField("threat", "t1", "specificity").Should().Be(UnknownCause.OfField("threat", "t1", "specificity"));
        UnknownCause.OfField("threat", "t1", "specificity").Should().NotBe(UnknownCause.OfField("threat", "t2", "specificity"));
        UnknownCause.Because("threat t1: specificity").IsField.Should().BeFalse();
    }

    [Fact]
    public void UnknownCause_Union_IsDistinctAndOrderedByWording()
    {
        ImmutableArray<UnknownCause> first = [UnknownCause.OfField("threat", "t2", "imminent"), UnknownCause.Because("whether any further threat exists")];
        ImmutableArray<UnknownCause> second = [UnknownCause.OfField("threat", "t2", "imminent"), UnknownCause.OfField("crime", "c1", "isCriminal")];

        UnknownCause.Words(UnknownCause.Union([first, second])).Should().Equal("crime c1: isCriminal", "threat t2: imminent", "whether any further threat exists");
    }

    [Fact]
    public void Scenario_WithAFieldStatedUnknown_HasAnUnknownValue()
    {
        var known = TestOrdinance.Scenario().Fact("operation", "op1", f => f.Set("agency", "ICE-ERO").Set("status", "ongoing").Set("plannedStart", "2021-03-01T08:00:00-06:00"));
        var unknown = TestOrdinance.Scenario().Fact("operation", "op1", f => f.Set("agency", "ICE-ERO").Unknown("status").Set("plannedStart", "2021-03-01T08:00:00-06:00"));
        var omitted = TestOrdinance.Scenario().Fact("operation", "op1", f => f.Set("agency", "ICE-ERO").Set("status", "ongoing"));

        known.Build().HasUnknownValue.Should().BeFalse();
        unknown.Build().HasUnknownValue.Should().BeTrue();
        omitted.Build().HasUnknownValue.Should().BeTrue("a field left out with no default reads as unknown");
    }
}
