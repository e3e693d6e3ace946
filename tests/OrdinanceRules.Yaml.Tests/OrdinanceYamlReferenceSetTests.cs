using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Yaml.Tests;

/// <summary>Sets of references: a field that refers to several facts of one type (a hold based on several documents), through NRules.</summary>
public class OrdinanceYamlReferenceSetTests
{
    // "The Town may hold a person for ICE only on a warrant signed by a judge." The definition's means is on line 16.
    private const string Ordinance = """
        ordinance: "1"
        title: T
        jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
        vocabulary:
          uses: test-vocabulary.yaml
          types:
            document:
              fields: { kind: { type: enumeration, values: [detainer, administrative-warrant, judicial-warrant] }, signedByJudge: yes-no }
            hold:
              fields: { basedOn: { type: set, to: document }, start: instant }
        definitions:
          - name: on-a-judges-warrant
            params: { h: hold }
            section: "§ 1"
            title: On a judge's warrant
            means: some(d in h.basedOn, d.kind == 'judicial-warrant' and d.signedByJudge)
        provisions:
          - id: H1
            section: "§ 2"
            title: Holds only on a judge's warrant
            text: The Town may hold a person for ICE only on a warrant signed by a judge.
            modality: prohibition
            binds: Town
            for: { h: hold }
            violated-when: not on-a-judges-warrant(h)
          - id: H2
            section: "§ 3"
            title: Every paper checked
            text: Every paper a hold is based on is signed by a judge.
            modality: prohibition
            binds: Town
            for: { h: hold }
            applies-when: 0 < count(d in h.basedOn, yes)
            violated-when: not every(d in h.basedOn, yes, d.signedByJudge)
        """;

    private static readonly DateTimeOffset AsOf = new(2022, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static string Facts(string basedOn, string warrantSigned = "yes") => $"""
          - document: det-1
            kind: detainer
            signedByJudge: no
          - document: war-1
            kind: judicial-warrant
            signedByJudge: {warrantSigned}
          - hold: h-1
            basedOn: {basedOn}
            start: 2021-10-05T10:00
        """;

    private static Finding Finding(string id, string facts, string ordinance = Ordinance) => TestFiles.Evaluate(ordinance, facts, AsOf).For(id).Single();

    [Fact]
    public void Evaluate_HoldBasedOnADetainerAndAJudgesWarrant_Complies()
    {
        Finding("H1", Facts("[det-1, war-1]")).Status.Should().Be(FindingStatus.Complied);
    }

    [Fact]
    public void Evaluate_HoldBasedOnADetainerAlone_IsViolated()
    {
        var finding = Finding("H1", Facts("[det-1]"));

        finding.Status.Should().Be(FindingStatus.Violated);
        finding.Reason.Should().Contain("hold h-1");
    }

    [Fact]
    public void Evaluate_EveryOverTheSet_ReadsEachReferencedFact()
    {
        Finding("H2", Facts("[war-1]")).Status.Should().Be(FindingStatus.Complied);
        Finding("H2", Facts("[det-1, war-1]")).Status.Should().Be(FindingStatus.Violated, "the detainer is not signed by a judge");
    }

    [Fact]
    public void Evaluate_SetStatedNone_IsEmpty()
    {
        Finding("H1", Facts("none")).Status.Should().Be(FindingStatus.Violated, "a hold based on no paper is not on a judge's warrant");
        Finding("H2", Facts("none")).Status.Should().Be(FindingStatus.NotApplicable, "count over the empty set is 0");
    }

    [Fact]
    public void Evaluate_UnknownSet_IsUndeterminedNamingTheField()
    {
        var finding = Finding("H1", Facts("unknown"));

        finding.Status.Should().Be(FindingStatus.Undetermined);
        finding.Unknowns.Should().Equal("hold h-1: basedOn");
    }

    [Fact]
    public void Evaluate_UnknownMemberField_IsUnknownOnlyWhenItCouldChangeTheAnswer()
    {
        var open = Finding("H1", Facts("[det-1, war-1]", warrantSigned: "unknown"));
        open.Status.Should().Be(FindingStatus.Undetermined);
        open.Unknowns.Should().Equal("document war-1: signedByJudge");

        // H2: the detainer alone already fails every(), so the warrant's unknown signature changes nothing.
        Finding("H2", Facts("[det-1, war-1]", warrantSigned: "unknown")).Status.Should().Be(FindingStatus.Violated);
    }

    [Fact]
    public void Evaluate_MembershipTest_FollowsTheReferences()
    {
        // One finding per hold and document: violated for the detainer the hold is based on.
        var ordinance = Ordinance.Replace("    for: { h: hold }\n    violated-when: not on-a-judges-warrant(h)", "    for: { h: hold, w: document }\n    violated-when: w in h.basedOn and w.kind == 'detainer'", StringComparison.Ordinal);

        var report = TestFiles.Evaluate(ordinance, Facts("[det-1, war-1]"), AsOf);
        report.For("H1").Where(f => f.Status == FindingStatus.Violated).Should().ContainSingle()
            .Which.Facts.Should().Contain(b => b.FactId == "det-1");
        report.For("H1").Should().Contain(f => f.Status == FindingStatus.Complied && f.Facts.Any(b => b.FactId == "war-1"));
    }

    [Fact]
    public void Scenario_ReferenceToAFactOfAnotherType_IsLocated()
    {
        var compiled = TestFiles.Compile(Ordinance).GetValueOrThrow();
        var read = OrdinanceYaml.ParseScenario($"scenario: S\nfacts:\n{Facts("[det-1, h-1]")}", "scenario.yaml", compiled.Ordinance);

        var (code, where, message) = TestFiles.Single(read);
        code.Should().Be(DiagnosticCodes.DanglingReference);
        where.Should().Be("10:14");
        message.Should().Contain("'h-1.basedOn' lists 'h-1', which is a hold, not a document");
    }

    [Fact]
    public void Scenario_ReferenceToNoFact_IsLocated()
    {
        var compiled = TestFiles.Compile(Ordinance).GetValueOrThrow();
        var read = OrdinanceYaml.ParseScenario($"scenario: S\nfacts:\n{Facts("[det-1, war-2]")}", "scenario.yaml", compiled.Ordinance);

        TestFiles.Single(read).Message.Should().Contain("lists 'war-2', but the scenario has no fact with that id");
    }

    [Fact]
    public void Compile_QuantifierOverAFieldThatIsNoSetOfReferences_SaysWhatItRangesOver()
    {
        var (code, where, message) = TestFiles.Single(TestFiles.Compile(Ordinance.Replace("some(d in h.basedOn,", "some(d in h.start,", StringComparison.Ordinal)));

        code.Should().Be(DiagnosticCodes.ConditionType);
        where.Should().Be("16:22");
        message.Should().Contain("some() ranges over a fact type or a set of references, and h.start is an instant");
    }

    [Fact]
    public void Compile_MembershipOfAFactOfAnotherType_IsAnError()
    {
        var ordinance = Ordinance.Replace("    for: { h: hold }\n    violated-when: not on-a-judges-warrant(h)", "    for: { h: hold, r: request }\n    violated-when: r in h.basedOn", StringComparison.Ordinal);

        var (code, _, message) = TestFiles.Single(TestFiles.Compile(ordinance));
        code.Should().Be(DiagnosticCodes.ConditionType);
        message.Should().Contain("'in' with a set of references to document needs a document before it, not a request");
    }

    [Fact]
    public void Vocabulary_SetWithBothValuesAndTo_IsLocatedAndSaysToKeepOne()
    {
        var read = TestFiles.Ordinance(Ordinance.Replace("basedOn: { type: set, to: document }", "basedOn: { type: set, to: document, values: [a] }", StringComparison.Ordinal));

        read.Succeeded.Should().BeFalse();
        read.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("gives both 'values' and 'to'").And.Contain("keep one");
    }

    [Fact]
    public void Vocabulary_SetOfReferencesToAnUndeclaredType_IsAnError()
    {
        var read = TestFiles.Ordinance(Ordinance.Replace("basedOn: { type: set, to: document }", "basedOn: { type: set, to: paper }", StringComparison.Ordinal));

        read.Succeeded.Should().BeFalse();
        read.Diagnostics.Should().Contain(d => d.Message.Contains("refers to fact type 'paper', which the vocabulary does not declare", StringComparison.Ordinal));
    }
}
