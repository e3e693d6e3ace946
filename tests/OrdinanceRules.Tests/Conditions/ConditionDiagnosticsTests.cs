using OrdinanceRules.Diagnostics;
using OrdinanceRules.Model;

namespace OrdinanceRules.Tests.Conditions;

public class ConditionDiagnosticsTests
{
    private static IReadOnlyList<Diagnostic> Compile(string appliesWhen, int line = 10, int column = 20)
    {
        var provision = TestOrdinance.NoSupport with { AppliesWhen = new ConditionText(appliesWhen, new SourceLocation("rp.yaml", line, column)) };
        var result = OrdinanceCompiler.TryCompile(TestOrdinance.Create(provision));
        result.Succeeded.Should().BeFalse();
        return result.Diagnostics;
    }

    [Fact]
    public void TryCompile_UnknownField_ReportsAtTheFieldWithASuggestion()
    {
        var diagnostic = Compile("a.agnecy.id == 'RPPD'").Should().ContainSingle().Subject;

        diagnostic.Code.Should().Be(DiagnosticCodes.ConditionUnknownName);
        diagnostic.Location.Should().Be(new SourceLocation("rp.yaml", 10, 22));
        diagnostic.Message.Should().Be("in applies-when of provision P2: fact type 'action' has no field 'agnecy'; did you mean 'agency'?");
        diagnostic.ToString().Should().StartWith("rp.yaml:10:22: error OR2102:");
    }

    [Fact]
    public void TryCompile_UnknownVariable_NamesTheVariablesInScope()
    {
        var diagnostic = Compile("b.agency.id == 'RPPD'").Should().ContainSingle().Subject;

        diagnostic.Message.Should().Contain("'b' is not a variable here (in scope: a)");
        diagnostic.Location!.Column.Should().Be(20);
    }

    [Fact]
    public void TryCompile_SyntaxError_ReportsWhereParsingStopped()
    {
        var diagnostic = Compile("a.agency.id == == 'RPPD'").Should().ContainSingle().Subject;

        diagnostic.Code.Should().Be(DiagnosticCodes.ConditionSyntax);
        diagnostic.Location.Should().Be(new SourceLocation("rp.yaml", 10, 35));
    }

    [Fact]
    public void TryCompile_MultiLineCondition_ReportsTheLineInsideIt()
    {
        var diagnostic = Compile("a.agency.id == 'RPPD'\nand a.start > 48", line: 10, column: 7).Should().ContainSingle().Subject;

        diagnostic.Code.Should().Be(DiagnosticCodes.ConditionType);
        diagnostic.Message.Should().Contain("cannot order an instant against a number");
        diagnostic.Location.Should().Be(new SourceLocation("rp.yaml", 11, 5));
    }

    [Fact]
    public void TryCompile_EnumerationValueMisspelt_SaysWhichValuesExist()
    {
        var provision = TestOrdinance.Alert with { AppliesWhen = "o.status == 'planed'" };

        var diagnostic = OrdinanceCompiler.TryCompile(TestOrdinance.Create(provision)).Diagnostics.Should().ContainSingle().Subject;

        diagnostic.Message.Should().Contain("'planed' is not one of the field's values: planned, ongoing, completed; did you mean 'planned'?");
    }

    [Fact]
    public void TryCompile_SeveralProblems_ReportsEveryOne()
    {
        var provision = TestOrdinance.NoSupport with
        {
            AppliesWhen = "a.nope",
            ViolatedWhen = FactTest.Of("a.start + 'x'"),
            For = [new Binding("a", "action"), new Binding("z", "nosuchtype")],
        };

        var diagnostics = OrdinanceCompiler.TryCompile(TestOrdinance.Create(provision)).Diagnostics;

        diagnostics.Select(d => d.Code).Should().BeEquivalentTo([DiagnosticCodes.ConditionUnknownName, DiagnosticCodes.ConditionUnknownName, DiagnosticCodes.ConditionType]);
        diagnostics.Should().Contain(d => d.Message.Contains("'nosuchtype' is not a fact type"));
    }

    [Fact]
    public void TryCompile_NotABooleanCondition_SaysWhatWasExpected()
    {
        Compile("a.start").Should().ContainSingle().Which.Message.Should().Contain("expected yes/no here, but this is an instant");
    }

    [Fact]
    public void TryCompile_UnknownFunction_ListsTheFunctions()
    {
        Compile("exec('rm -rf /')").Should().ContainSingle().Which.Message.Should().Contain("'exec' is not a function");
    }

    [Fact]
    public void TryCompile_DeeplyNestedCondition_IsRejectedBeforeParsing()
    {
        var deep = new string('(', 5000) + "yes" + new string(')', 5000);

        Compile(deep).Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.ConditionTooComplex);
    }

    [Fact]
    public void TryCompile_ObligationWithoutDuty_IsAModelError()
    {
        var provision = TestOrdinance.Alert with { Duty = null };

        OrdinanceCompiler.TryCompile(TestOrdinance.Create(provision)).Diagnostics
            .Should().Contain(d => d.Code == DiagnosticCodes.InvalidOrdinance && d.Message.Contains("give its 'duty'"));
    }

    [Fact]
    public void Compile_ProblemOrdinance_ThrowsWithEveryDiagnostic()
    {
        var act = () => OrdinanceCompiler.Compile(TestOrdinance.Create(TestOrdinance.NoSupport with { AppliesWhen = "a.x or a.y" }));

        act.Should().Throw<OrdinanceDiagnosticException>().Which.Diagnostics.Should().HaveCount(2);
    }
}
