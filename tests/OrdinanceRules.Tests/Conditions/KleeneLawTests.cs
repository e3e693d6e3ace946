using CsCheck;
using OrdinanceRules.Conditions;

namespace OrdinanceRules.Tests.Conditions;

/// <summary>
/// The laws of Kleene's strong three-valued logic, which the condition operators follow, checked on generated
/// values with CsCheck (a failure prints its seed): an absent value counts as false, and what is unknown keeps
/// the names of what is missing.
/// </summary>
public class KleeneLawTests
{
    private static readonly Gen<Val> Value = Gen.OneOf(
        Gen.Const(Val.True),
        Gen.Const(Val.False),
        Gen.Const(Val.Absent),
        Gen.String["abc"].Select(name => Val.Unknown("threat t-" + name + ": specificity")));

    private static readonly Gen<(Val, Val, Val)> Three = Gen.Select(Value, Value, Value);

    [Fact]
    public void AndOr_AreCommutativeAndAssociative()
    {
        Three.Sample((a, b, c) =>
        {
            Truth(Ops.And(a, b)).Should().Be(Truth(Ops.And(b, a)));
            Truth(Ops.Or(a, b)).Should().Be(Truth(Ops.Or(b, a)));
            Truth(Ops.And(Ops.And(a, b), c)).Should().Be(Truth(Ops.And(a, Ops.And(b, c))));
            Truth(Ops.Or(Ops.Or(a, b), c)).Should().Be(Truth(Ops.Or(a, Ops.Or(b, c))));
        });
    }

    [Fact]
    public void AndOr_DistributeAndAbsorb()
    {
        Three.Sample((a, b, c) =>
        {
            Truth(Ops.And(a, Ops.Or(b, c))).Should().Be(Truth(Ops.Or(Ops.And(a, b), Ops.And(a, c))));
            Truth(Ops.Or(a, Ops.And(b, c))).Should().Be(Truth(Ops.And(Ops.Or(a, b), Ops.Or(a, c))));
            Truth(Ops.And(a, Ops.Or(a, b))).Should().Be(Truth(a));
            Truth(Ops.Or(a, Ops.And(a, b))).Should().Be(Truth(a));
        });
    }

    [Fact]
    public void Not_FollowsDeMorganAndIsAnInvolution()
    {
        Gen.Select(Value, Value).Sample((a, b) =>
        {
            Truth(Ops.Not(Ops.And(a, b))).Should().Be(Truth(Ops.Or(Ops.Not(a), Ops.Not(b))));
            Truth(Ops.Not(Ops.Or(a, b))).Should().Be(Truth(Ops.And(Ops.Not(a), Ops.Not(b))));
            Truth(Ops.Not(Ops.Not(a))).Should().Be(Truth(a));
        });
    }

    [Fact]
    public void TrueAndFalse_AreIdentitiesAndAnnihilators()
    {
        Value.Sample(a =>
        {
            Truth(Ops.And(a, Val.True)).Should().Be(Truth(a));
            Truth(Ops.Or(a, Val.False)).Should().Be(Truth(a));
            Truth(Ops.And(a, Val.False)).Should().Be(false);
            Truth(Ops.Or(a, Val.True)).Should().Be(true);
        });
    }

    [Fact]
    public void Unknown_KeepsTheNamesOfWhatIsMissing()
    {
        Gen.Select(Value, Value).Sample((a, b) =>
        {
            foreach (var result in new[] { Ops.And(a, b), Ops.Or(a, b), Ops.Not(a), Ops.If(a, b, Val.True) })
            {
                if (result.IsUnknown)
                {
                    // Only an unknown value has names (an absent one is the default value, with none at all).
                    result.Missing.Should().NotBeEmpty().And.OnlyContain(m => (a.IsUnknown && a.Missing.Contains(m)) || (b.IsUnknown && b.Missing.Contains(m)));
                }
            }
        });
    }

    [Fact]
    public void Unknown_SettledEitherWay_ContainsBothOutcomes()
    {
        // Monotonicity: an unknown operand's result is unknown unless both ways of settling it agree.
        Gen.Select(Value, Value).Sample((a, b) =>
        {
            if (!a.IsUnknown)
            {
                return;
            }

            var settled = new[] { Truth(Ops.And(Val.True, b)), Truth(Ops.And(Val.False, b)) }.Distinct().ToList();
            Truth(Ops.And(a, b)).Should().Be(settled.Count == 1 ? settled[0] : null);
            var either = new[] { Truth(Ops.Or(Val.True, b)), Truth(Ops.Or(Val.False, b)) }.Distinct().ToList();
            Truth(Ops.Or(a, b)).Should().Be(either.Count == 1 ? either[0] : null);
        });
    }

    /// <summary>A value's truth: true, false (absent counts as false) or null when unknown.</summary>
    private static bool? Truth(Val v) => v.IsUnknown ? null : Ops.IsTrue(v);
}
