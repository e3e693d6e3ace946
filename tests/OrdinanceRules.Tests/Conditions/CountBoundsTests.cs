using CsCheck;
using OrdinanceRules.Conditions;

namespace OrdinanceRules.Tests.Conditions;

/// <summary>
/// An unknown number within bounds (a count with members that may pass): checked on generated bounds against every
/// whole number within them, a comparison decides exactly where they all give one answer, and arithmetic keeps the
/// bounds sound.
/// </summary>
public class CountBoundsTests
{
    private static readonly Val Missing = Val.Unknown("paper p4: signedByJudge");

    // A lower bound, a spread (the members that may pass), a known number to compare with, and an operator (4 is ==).
    private static readonly Gen<(int Lower, int Spread, int K, int Op)> Cases = Gen.Select(Gen.Int[-5, 5], Gen.Int[0, 4], Gen.Int[-8, 8], Gen.Int[0, 4]);

    [Fact]
    public void Compare_BoundedAgainstKnown_DecidesExactlyWhereEveryNumberWithinTheBoundsAgrees()
    {
        Cases.Sample((lower, spread, k, op) =>
        {
            var bounded = Val.Unknown(Missing.Missing, lower, lower + spread);
            var known = Val.Known((decimal)k);
            string Expected(Func<Val, Val> compare)
            {
                var answers = Enumerable.Range(lower, spread + 1).Select(x => Truth(compare(Val.Known((decimal)x)))).Distinct().ToList();
                return answers.Count == 1 ? answers[0] : "unknown";
            }

            Truth(Apply(bounded, known, op)).Should().Be(Expected(x => Apply(x, known, op)));
            Truth(Apply(known, bounded, op)).Should().Be(Expected(x => Apply(known, x, op)));
        });
    }

    [Fact]
    public void Compare_Undecided_NamesWhatTheCountIsMissing()
    {
        var bounded = Val.Unknown(Missing.Missing, 3, 4);

        Ops.Compare(bounded, Val.Known(4m), 3).Missing.Should().Equal(Missing.Missing);
        Ops.Eq(Val.Known(3m), bounded).Missing.Should().Equal(Missing.Missing);
    }

    [Fact]
    public void Compare_WithNoUpperBound_IsDecidedOnlyBelow()
    {
        var atLeast = Val.Unknown(Missing.Missing, 1, null);

        Truth(Ops.Compare(atLeast, Val.Known(0m), 2)).Should().Be("yes");
        Truth(Ops.Compare(atLeast, Val.Known(1m), 0)).Should().Be("no");
        Truth(Ops.Compare(atLeast, Val.Known(5m), 0)).Should().Be("unknown");
        Truth(Ops.Eq(atLeast, Val.Known(0m))).Should().Be("no");
        Truth(Ops.Ne(Val.Known(0m), atLeast)).Should().Be("yes");
    }

    [Fact]
    public void Arithmetic_WithAKnownNumber_ShiftsOrMirrorsTheBoundsSoundly()
    {
        Gen.Select(Gen.Int[-5, 5], Gen.Int[0, 4], Gen.Int[-8, 8], Gen.Bool).Sample((lower, spread, k, subtract) =>
        {
            var bounded = Val.Unknown(Missing.Missing, lower, lower + spread);
            var known = Val.Known((decimal)k);
            Val Op(Val a, Val b) => subtract ? Ops.Subtract(a, b) : Ops.Add(a, b);

            foreach (var (result, at) in new (Val, Func<int, Val>)[] { (Op(bounded, known), x => Op(Val.Known((decimal)x), known)), (Op(known, bounded), x => Op(known, Val.Known((decimal)x))) })
            {
                var values = Enumerable.Range(lower, spread + 1).Select(x => at(x).Number).ToList();
                result.IsUnknown.Should().BeTrue();
                result.Lower.Should().Be(values.Min());
                result.Upper.Should().Be(values.Max());
                result.Missing.Should().Equal(Missing.Missing);
            }
        });
    }

    [Fact]
    public void Arithmetic_OfTwoBoundedOrWithAnUnboundedUnknown_DropsTheBounds()
    {
        var bounded = Val.Unknown(Missing.Missing, 3, 4);

        Ops.Add(bounded, bounded).IsBounded.Should().BeFalse();
        Ops.Subtract(bounded, Val.Unknown("request r1: count")).IsBounded.Should().BeFalse();
        Ops.Compare(bounded, bounded, 3).IsUnknown.Should().BeTrue("two bounded sides stay unknown");
    }

    [Fact]
    public void Arithmetic_BoundPastTheRangeOfNumbers_IsDropped()
    {
        var max = Diagnostics.Limits.MaxNumber;
        var shifted = Ops.Add(Val.Unknown(Missing.Missing, 0, 4), Val.Known(max - 2));

        shifted.Lower.Should().Be(max - 2);
        shifted.Upper.Should().BeNull();
        Truth(Ops.Compare(shifted, Val.Known(0m), 2)).Should().Be("yes");
    }

    [Fact]
    public void Count_WithUnknownMembers_IsBoundedByThoseThatPassAndThoseThatMay()
    {
        var where = new[] { Val.True, Val.True, Missing, Val.False, Val.Absent, Val.Unknown("paper p5: signedByJudge") };

        var count = Ops.Count(Enumerable.Range(0, where.Length).Select(_ => (OrdinanceRules.Facts.Fact)null!), Each());

        count.IsUnknown.Should().BeTrue();
        count.Lower.Should().Be(2);
        count.Upper.Should().Be(4);
        count.Missing.Select(m => m.Display).Should().Equal("paper p4: signedByJudge", "paper p5: signedByJudge");

        Func<OrdinanceRules.Facts.Fact, Val> Each()
        {
            var i = 0;
            return _ => where[i++];
        }
    }

    [Fact]
    public void Compare_OnABoundedCount_AllocatesNothing()
    {
        var bounded = Val.Unknown(Missing.Missing, 3, 4);
        var one = Val.Known(1m);
        Val Run() => Ops.Compare(Ops.Add(bounded, one), Val.Known(2m), 2);
        Run();
        Run();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Run();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Ops.IsTrue(result).Should().BeTrue();
        allocated.Should().Be(0);
    }

    private static Val Apply(Val a, Val b, int op) => op == 4 ? Ops.Eq(a, b) : Ops.Compare(a, b, op);

    private static string Truth(Val v) => Ops.IsTrue(v) ? "yes" : v.IsUnknown ? "unknown" : "no";
}
