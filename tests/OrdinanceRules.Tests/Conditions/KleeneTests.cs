using System.Globalization;
using OrdinanceRules.Conditions;

namespace OrdinanceRules.Tests.Conditions;

public class KleeneTests
{
    private static readonly Val T = Val.True;
    private static readonly Val F = Val.False;
    private static readonly Val U = Val.Unknown("x");

    [Fact]
    public void And_FalseDominatesUnknown() => Ops.IsFalse(Ops.And(F, U)).Should().BeTrue();

    [Fact]
    public void Or_TrueDominatesUnknown() => Ops.IsTrue(Ops.Or(U, T)).Should().BeTrue();

    [Fact]
    public void And_TrueWithUnknown_IsUnknownNamingIt() => Ops.And(T, U).Missing.Should().Equal("x");

    [Fact]
    public void Not_Unknown_IsUnknown() => Ops.IsUnknown(Ops.Not(U)).Should().BeTrue();

    [Fact]
    public void Or_TwoUnknowns_NamesBoth() => Ops.Or(U, Val.Unknown("y")).Missing.Should().Equal("x", "y");

    [Fact]
    public void Eq_AbsentWithValue_IsFalseNotUnknown() => Ops.IsFalse(Ops.Eq(Val.Absent, Val.Known("a"))).Should().BeTrue();

    [Fact]
    public void Known_OfUnknown_IsFalse() => Ops.IsFalse(Ops.Known(U)).Should().BeTrue();

    [Fact]
    public void Within_OpenInterval_IncludesLaterInstants()
    {
        var start = Val.Known(DateTimeOffset.Parse("2021-03-01T00:00:00Z", CultureInfo.InvariantCulture));
        var t = Val.Known(DateTimeOffset.Parse("2021-04-01T00:00:00Z", CultureInfo.InvariantCulture));

        Ops.IsTrue(Ops.Within(t, start, Val.Absent)).Should().BeTrue();
    }

    [Fact]
    public void Compare_InstantsWithDifferentOffsets_ComparesTheInstants()
    {
        var cst = Val.Known(DateTimeOffset.Parse("2021-03-01T09:00:00-06:00", CultureInfo.InvariantCulture));
        var utc = Val.Known(DateTimeOffset.Parse("2021-03-01T15:00:00Z", CultureInfo.InvariantCulture));

        Ops.IsTrue(Ops.Eq(cst, utc)).Should().BeTrue();
    }
}
