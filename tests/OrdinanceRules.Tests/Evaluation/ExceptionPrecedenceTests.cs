
namespace OrdinanceRules.Tests.Evaluation;

public class ExceptionPrecedenceTests
{
    // P2 with a nested exception: the crime-in-progress exception does not apply when the crime is not
    // criminal after all (a civil immigration violation), an exception to the exception.
    private static readonly CompiledOrdinance Nested = TestOrdinance.NestedCompiled;

    private static Finding Evaluate(object isCriminal)
    {
        var builder = TestOrdinance.Scenario()
            .Fact("operation", "op1", f => f.Set("agency", "ICE-ERO").Set("status", "ongoing"))
            .Fact("action", "a1", f => f.Set("agency", "RPPD").Set("beneficiary", "ICE-ERO")
                .Set("purposes", new[] { "civil-immigration" }).Set("start", "2021-03-01T10:00:00-06:00").Set("operation", "op1"))
            .Fact("crime", "c1", f =>
            {
                f.Set("operation", "op1").Set("startedAt", "2021-03-01T09:00:00-06:00");
                if (isCriminal is bool b)
                {
                    f.Set("isCriminal", b);
                }
                else
                {
                    f.Unknown("isCriminal");
                }
            });
        return Nested.Evaluate(builder.Build(), TestOrdinance.AsOf).For("P2").Should().ContainSingle().Subject;
    }

    [Fact]
    public void Evaluate_ExceptionHoldsAndItsExceptionDoesNot_ExceptionApplies()
    {
        var finding = Evaluate(true);

        finding.Status.Should().Be(FindingStatus.ExceptionApplies);
        finding.Exceptions.Should().ContainSingle().Which.Id.Should().Be("E2b");
    }

    [Fact]
    public void Evaluate_ExceptionToTheExceptionHolds_BaseRuleIsViolatedAgain()
    {
        Evaluate(false).Status.Should().Be(FindingStatus.Violated);
    }

    [Fact]
    public void Evaluate_ExceptionToTheExceptionUnknown_IsUndeterminedNamingTheUnknown()
    {
        var finding = Evaluate("unknown");

        finding.Status.Should().Be(FindingStatus.Undetermined);
        finding.Unknowns.Should().Equal("crime c1: isCriminal");
        finding.Reason.Should().Contain("whether an exception applies cannot be determined");
    }

    [Fact]
    public void Compile_NestedOrdinance_MakesMoreRulesThanFlat()
    {
        Nested.RuleCount.Should().BeGreaterThan(OrdinanceCompiler.Compile(TestOrdinance.Create(TestOrdinance.NoSupport with { Exceptions = [] })).RuleCount);
    }
}
