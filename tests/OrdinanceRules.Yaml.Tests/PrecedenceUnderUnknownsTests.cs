namespace OrdinanceRules.Yaml.Tests;

/// <summary>
/// A permission that prevails over a prohibition (declared with <c>prevails-over</c>, or of higher law) weighed in
/// three-valued logic, through NRules: where whether it applies is unknown, it may prevail, so the prohibition's finding
/// is Undetermined and names what it depends on, never Violated.
/// </summary>
public class PrecedenceUnderUnknownsTests
{
    private const string Local = """
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
        PERMISSION
        """;

    private const string Declared = """
          - id: Q1
            section: "§ 2"
            title: Officers may support a criminal investigation
            text: Officers may support an investigation of a crime that is not an immigration crime.
            modality: permission
            binds: Town
            for: { r: request }
            applies-when: r.statedPurpose == 'criminal investigation'
            violated-when: "no"
            prevails-over: [P1]
        """;

    private const string State = """
        ordinance: K.S.A. 1
        title: State act
        jurisdiction: { name: Kansas, state: Kansas, time-zone: America/Chicago, level: state }
        vocabulary: { uses: test-vocabulary.yaml }
        provisions:
          - id: S1
            section: "§ 1(a)"
            title: A city may support a criminal investigation
            text: No city shall forbid support to an investigation of a crime.
            modality: permission
            binds: Cities
            for: { r: request }
            applies-when: r.statedPurpose == 'criminal investigation'
            violated-when: "no"
        """;

    private static Finding P1(string purpose, string persons = "3", bool stacked = false) => Evaluate(purpose, persons, stacked).For("P1").Should().ContainSingle().Subject;

    private static ComplianceReport Evaluate(string purpose, string persons = "3", bool stacked = false, bool explain = false)
    {
        var local = TestFiles.Ordinance(Local.Replace("PERMISSION", stacked ? string.Empty : Declared)).GetValueOrThrow();
        var compiled = stacked
            ? OrdinanceCompiler.Compile(local, [TestFiles.Ordinance(State).GetValueOrThrow()])
            : OrdinanceCompiler.Compile(local);
        var scenario = OrdinanceYaml.ParseScenario($"scenario: S\nfacts:\n  - request: req-1\n    kind: support\n    persons: {persons}\n    statedPurpose: {purpose}\n", "scenario.yaml", compiled.Ordinance).GetValueOrThrow();
        return compiled.Evaluate(scenario, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), EvaluationOptions.Default with { Explain = explain });
    }

    [Theory]
    [InlineData(false, "Q1")]
    [InlineData(true, "S1")]
    public void Explain_PrevailingPermissionMayApply_NamesThePermissionAndWhatItDependsOn(bool stacked, string permission)
    {
        var explanation = Evaluate("unknown", stacked: stacked, explain: true).Explanations.Single(e => e.Finding.ProvisionId == "P1").Root.ToString();

        explanation.Should().Contain(permission).And.Contain("statedPurpose");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Evaluate_PrevailingPermissionMayApply_IsUndeterminedNamingWhatItDependsOn(bool stacked)
    {
        var finding = P1("unknown", stacked: stacked);

        finding.Status.Should().Be(FindingStatus.Undetermined, "the permission may prevail: whether it applies is unknown");
        finding.Unknowns.Should().ContainSingle().Which.Should().Contain("statedPurpose");
    }

    [Theory]
    [InlineData(false, FindingStatus.ExceptionApplies)]
    [InlineData(true, FindingStatus.ExceptionApplies)]
    public void Evaluate_PrevailingPermissionApplies_DefeatsTheBreach(bool stacked, FindingStatus expected)
    {
        P1("criminal investigation", stacked: stacked).Status.Should().Be(expected);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Evaluate_PrevailingPermissionDoesNotApply_LeavesTheBreach(bool stacked)
    {
        P1("other", stacked: stacked).Status.Should().Be(FindingStatus.Violated);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Evaluate_AnExceptionHoldsWhateverThePermission_StillSettlesTheFinding(bool stacked)
    {
        var finding = P1("unknown", persons: "300", stacked: stacked);

        finding.Status.Should().Be(FindingStatus.ExceptionApplies, "E1 holds whether or not the permission applies");
        finding.Exceptions.Select(e => e.Id).Should().Equal("E1");
    }
}
