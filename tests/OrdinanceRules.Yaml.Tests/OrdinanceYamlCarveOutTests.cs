using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Yaml.Tests;

/// <summary>
/// Carve-outs beside exceptions: a permission that narrows a prohibition, or a scope clause written under it, takes what
/// it permits out of the prohibition (NotApplicable, or Complied where it says so), where an exception defeats a breach
/// (ExceptionApplies); through NRules, errors at line:column.
/// </summary>
public class OrdinanceYamlCarveOutTests
{
    // P1's exceptions start on line 15; C1's carve-out is on line 23; Q1's narrows list on line 33.
    private const string Ordinance = """
        ordinance: "1"
        title: T
        jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
        vocabulary: { uses: test-vocabulary.yaml }
        provisions:
          - id: P1
            section: "§ 1"
            title: No support to immigration agencies
            text: The town shall not support an immigration agency.
            modality: prohibition
            binds: Town
            for: { r: request }
            violated-when: r.kind == 'support'
            exceptions:
              - id: E1
                section: "§ 1(b)"
                title: Support for a crowd of over 100
                when: r.persons > 100
              - id: C1
                section: "§ 1(c)"
                title: Nothing in § 1 covers a request for criminal purposes only
                when: only(r.purposes, ['criminal-other'])
                carve-out: CARVE
          - id: Q1
            section: "§ 2"
            title: Officers may support a criminal investigation
            text: Officers may support an investigation of a crime that is not an immigration crime.
            modality: permission
            binds: Town
            for: { r: request }
            applies-when: r.statedPurpose == 'criminal investigation'
            violated-when: "no"
            narrows: [NARROWS]
        """;

    private static Result<CompiledOrdinance> Compile(string carve = "not-applicable", string narrows = "P1")
    {
        var read = TestFiles.Ordinance(Ordinance.Replace("CARVE", carve).Replace("NARROWS", narrows));
        return read.Succeeded ? OrdinanceCompiler.TryCompile(read.Value!) : Result<CompiledOrdinance>.Failure(read.Diagnostics);
    }

    private static Finding P1(string request, string carve = "not-applicable", bool explain = false)
    {
        var compiled = Compile(carve).GetValueOrThrow();
        var scenario = OrdinanceYaml.ParseScenario($"scenario: S\nfacts:\n  - request: req-1\n    kind: support\n{request}", "scenario.yaml", compiled.Ordinance).GetValueOrThrow();
        var report = compiled.Evaluate(scenario, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), EvaluationOptions.Default with { Explain = explain });
        return report.For("P1").Should().ContainSingle().Subject;
    }

    [Theory]
    [InlineData("not-applicable")]
    [InlineData("complied")]
    public void Coverage_ScopeClauseUnderTheProvision_IsReachedByTheOutcomeItGives(string carve)
    {
        var compiled = Compile(carve).GetValueOrThrow();
        var scenario = OrdinanceYaml.ParseScenario("scenario: S\nfacts:\n  - request: req-1\n    kind: support\n    statedPurpose: other\n    persons: 3\n    purposes: [criminal-other]", "scenario.yaml", compiled.Ordinance).GetValueOrThrow();
        var report = compiled.Evaluate(scenario, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var result = new Suites.CaseResult(new Suites.SuiteCase { Name = "carved out", Scenario = scenario }, report, []);

        var items = Suites.OutcomeCoverage.Measure(compiled.Ordinance, [result]).Provisions.Single(p => p.ProvisionId == "P1").Items;

        items.Single(i => i.Label == "carve-out C1").ReachedBy.Should().Equal("carved out");
        items.Select(i => i.Label).Should().NotContain("exception C1", "a carve-out never gives exception-applies");
    }

    [Fact]
    public void Evaluate_PermissionThatNarrowsTheProhibition_IsNotApplicableNotExceptionApplies()
    {
        var finding = P1("    statedPurpose: criminal investigation\n    persons: 3\n    purposes: [civil-immigration]");

        finding.Status.Should().Be(FindingStatus.NotApplicable);
        finding.Reason.Should().Be("What was done (request req-1) is outside the provision: carve-out Q1 (Town Ordinance 1, § 2, Officers may support a criminal investigation) takes it out of P1.");
        finding.Exceptions.Select(e => e.Id).Should().Equal("Q1");
    }

    [Fact]
    public void Evaluate_ExceptionBesideTheCarveOut_StillOnlyDefeatsTheBreach()
    {
        var finding = P1("    statedPurpose: other\n    persons: 300\n    purposes: [civil-immigration]");

        finding.Status.Should().Be(FindingStatus.ExceptionApplies);
        finding.Exceptions.Select(e => e.Id).Should().Equal("E1");
    }

    [Fact]
    public void Evaluate_CarveOutAndExceptionBothHold_TheConductIsOutsideTheProvision()
    {
        var finding = P1("    statedPurpose: criminal investigation\n    persons: 300\n    purposes: [civil-immigration]");

        finding.Status.Should().Be(FindingStatus.NotApplicable);
        finding.Exceptions.Select(e => e.Id).Should().Equal("Q1");
    }

    [Theory]
    [InlineData("not-applicable", FindingStatus.NotApplicable, "is outside the provision: carve-out C1 (§ 1(c), Nothing in § 1 covers a request for criminal purposes only) takes it out of P1.")]
    [InlineData("complied", FindingStatus.Complied, "complies with the provision: carve-out C1 (§ 1(c), Nothing in § 1 covers a request for criminal purposes only) permits it.")]
    public void Evaluate_ScopeClauseWrittenUnderTheProvision_GivesTheOutcomeItNames(string carve, FindingStatus expected, string reason)
    {
        var finding = P1("    statedPurpose: other\n    persons: 3\n    purposes: [criminal-other]", carve);

        finding.Status.Should().Be(expected);
        finding.Reason.Should().EndWith(reason);
    }

    [Fact]
    public void Evaluate_CarveOutUnknown_IsUndeterminedNamingWhatItDependsOn()
    {
        var finding = P1("    persons: 3\n    statedPurpose: unknown\n    purposes: [civil-immigration]");

        finding.Status.Should().Be(FindingStatus.Undetermined);
        finding.Unknowns.Should().ContainSingle().Which.Should().Contain("statedPurpose");
    }

    [Fact]
    public void Explain_CarvedOutFinding_SaysTheConductIsOutsideTheProvision()
    {
        var compiled = Compile().GetValueOrThrow();
        var scenario = OrdinanceYaml.ParseScenario("scenario: S\nfacts:\n  - request: req-1\n    kind: support\n    statedPurpose: other\n    persons: 3\n    purposes: [criminal-other]", "scenario.yaml", compiled.Ordinance).GetValueOrThrow();

        var report = compiled.Evaluate(scenario, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), EvaluationOptions.Default with { Explain = true });

        report.Explanations.Single(e => e.Finding.ProvisionId == "P1").Root.ToString().Should().Contain("the conduct is outside the provision: carved out by C1");
    }

    [Fact]
    public void Load_NarrowsAnUnknownProvision_IsALocatedErrorWithDidYouMean()
    {
        var (code, where, message) = TestFiles.Single(Compile(narrows: "P2"));

        code.Should().Be(DiagnosticCodes.InvalidOrdinance);
        where.Should().Be("33:15");
        message.Should().Be("provision 'Q1' narrows 'P2', which is not a provision of this ordinance (provisions: P1, Q1); did you mean 'P1'?");
    }

    [Fact]
    public void Load_CarveOutWithANearMissValue_SaysWhichItMeant()
    {
        var (code, where, message) = TestFiles.Single(Compile(carve: "complies"));

        code.Should().Be(YamlDiagnosticCodes.InvalidValue);
        where.Should().Be("23:20");
        message.Should().Contain("must be one of not-applicable, complied, not 'complies'").And.Contain("did you mean 'complied'?");
    }

    [Fact]
    public void Load_NarrowingAPermission_IsAnError()
    {
        var read = TestFiles.Ordinance(Ordinance.Replace("CARVE", "complied").Replace("narrows: [NARROWS]", "narrows: [P1]\n  - id: Q2\n    section: \"§ 3\"\n    title: Q2\n    text: Q2.\n    modality: permission\n    binds: Town\n    for: { r: request }\n    violated-when: \"no\"\n    narrows: [Q1]"));

        var (_, _, message) = TestFiles.Single(OrdinanceCompiler.TryCompile(read.GetValueOrThrow()));

        message.Should().Be("provision Q2 narrows Q1, which is a permission: a carve-out narrows a prohibition, an obligation or a non-obligation");
    }

    [Fact]
    public void Compile_ModelNarrowingOrPrevailingOverAnUnknownId_IsAnErrorWithDidYouMean()
    {
        var ordinance = Compile().GetValueOrThrow().Ordinance;
        var q1 = ordinance.Provisions.Single(p => p.Id == "Q1");
        var edited = ordinance with { Provisions = [.. ordinance.Provisions.Where(p => p.Id != "Q1"), q1 with { Narrows = ["P-1"], PrevailsOver = ["Q"] }] };

        var result = OrdinanceCompiler.TryCompile(edited);

        result.Diagnostics.Select(d => d.Message).Should().BeEquivalentTo(
            "provision Q1 prevails over 'Q', which is not a provision of the ordinance or its stack (provisions: P1, Q1); did you mean 'Q1'?",
            "provision Q1 narrows 'P-1', which is not a provision of the ordinance or its stack (provisions: P1, Q1); did you mean 'P1'?");
    }
}
