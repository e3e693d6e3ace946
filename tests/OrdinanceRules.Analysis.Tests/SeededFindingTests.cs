using OrdinanceRules.Yaml;

namespace OrdinanceRules.Analysis.Tests;

/// <summary>
/// Finding tests (<c>violated('P', a)</c>), sets of references and counts planted in small ordinances: the analysis reaches
/// each status the compiled rules give, finds the planted defects, and every witness checks through NRules.
/// </summary>
public class SeededFindingTests
{
    private const string Header = """
        title: Seeded
        jurisdiction: { name: Testville, state: Kansas, time-zone: America/Chicago }
        adopted: 2020-01-01
        effective: 2020-01-01
        """;

    // F-GENERAL rests on F-ARREST's finding, which exception F-E1 defeats for an ordered arrest. F-ORDERED asks for an
    // ordered arrest that violates F-ARREST, which the exception rules out (never violated). F-EXCUSED excepts what
    // F-ARREST does not find violated, in an exception's when. F-ANY-ASK rests on a provision of two facts, naming one.
    private static readonly Model.Ordinance Findings = Load($$"""
        ordinance: "T-F"
        {{Header}}
        vocabulary:
          uses: immigration-cooperation
        provisions:
          - id: F-ARREST
            section: "§ 1"
            title: No arrest for civil immigration
            text: No officer shall arrest a person for a civil immigration purpose, unless ordered to.
            modality: prohibition
            binds: officers
            for: { a: action }
            event-time: a.start
            applies-when: a.kind == 'arrest'
            violated-when: "'civil-immigration' in a.purposes"
            exceptions:
              - id: F-E1
                section: "§ 1(a)"
                title: Ordered
                when: not a.voluntary
          - id: F-GENERAL
            section: "§ 2"
            title: No assistance, including the arrests § 1 bars
            text: No officer shall assist civil immigration enforcement, including by an arrest § 1 bars.
            modality: prohibition
            binds: officers
            for: { a: action }
            event-time: a.start
            applies-when: a.kind in ['arrest', 'transport']
            violated-when: >-
              violated('F-ARREST', a)
              or (a.kind == 'transport' and 'civil-immigration' in a.purposes)
          - id: F-ORDERED
            section: "§ 3"
            title: An ordered arrest that § 1 bars
            text: No officer shall be ordered to make an arrest § 1 bars.
            modality: prohibition
            binds: officers
            for: { a: action }
            event-time: a.start
            applies-when: a.kind == 'arrest'
            violated-when: violated('F-ARREST', a) and not a.voluntary
          - id: F-EXCUSED
            section: "§ 4"
            title: Ordered arrests, unless § 1 allows them
            text: No officer shall make an arrest on an order, except one § 1 does not bar.
            modality: prohibition
            binds: officers
            for: { a: action }
            event-time: a.start
            applies-when: a.kind == 'arrest'
            violated-when: not a.voluntary
            exceptions:
              - id: F-E2
                section: "§ 4(a)"
                title: Not barred by § 1
                when: not violated('F-ARREST', a)
          - id: F-ASK
            section: "§ 5"
            title: No asking a person about status
            text: No officer shall ask the person an act is about for a civil immigration purpose.
            modality: prohibition
            binds: officers
            for: { a: action, p: person }
            event-time: a.start
            match: a.subject == p
            applies-when: a.kind == 'inquire-status'
            violated-when: "'civil-immigration' in a.purposes"
          - id: F-ANY-ASK
            section: "§ 6"
            title: An act that asks someone
            text: No act shall violate § 5 for any person.
            modality: prohibition
            binds: officers
            for: { a: action }
            event-time: a.start
            violated-when: violated('F-ASK', a)
          - id: F-PAIR
            section: "§ 7"
            title: No officer's act for civil immigration beside another of theirs
            text: No officer shall, beside any act of theirs, act for a civil immigration purpose.
            modality: prohibition
            binds: officers
            for: { a: action, b: action }
            event-time: a.start
            violated-when: "a.by == b.by and 'civil-immigration' in b.purposes"
          - id: F-ANY-PAIR
            section: "§ 8"
            title: An act § 7 bars with some act
            text: No act shall violate § 7 beside any act.
            modality: prohibition
            binds: officers
            for: { a: action }
            event-time: a.start
            violated-when: violated('F-PAIR', a)
          - id: F-ORDER
            section: "§ 9"
            title: No order to arrest, except guidance
            text: No official shall be ordered to arrest, except by guidance.
            modality: prohibition
            binds: officials
            for: { o: official }
            violated-when:
              for: { d: directive }
              when: d.to == o and d.kind in ['order', 'guidance']
            exceptions:
              - id: F-E3
                section: "§ 9(a)"
                title: Guidance
                when: d.kind == 'guidance'
          - id: F-ORDERED-OFFICIAL
            section: "§ 10"
            title: An official § 9 protects
            text: No official's act shall follow an order § 9 bars.
            modality: prohibition
            binds: officials
            for: { o: official }
            violated-when: violated('F-ORDER', o)
          - id: F-BAD-ORDER
            section: "§ 11"
            title: A directive § 9 bars
            text: No directive shall be one § 9 bars.
            modality: prohibition
            binds: officials
            for: { d: directive }
            violated-when: violated('F-ORDER', d) and d.kind == 'guidance'
          - id: F-ANY-ORDER
            section: "§ 12"
            title: A directive § 9 bars, of any kind
            text: No directive shall be one § 9 bars.
            modality: prohibition
            binds: officials
            for: { d: directive }
            violated-when: violated('F-ORDER', d)
        """);

    private static readonly AnalysisReport FindingsReport = OrdinanceAnalyzer.Analyze(Findings);

    // Holds based on papers (a set of references): R-JUDGE needs a judge's warrant among them (some), R-EVERY every
    // paper signed (every, count), R-MEMBER judges each paper a hold is based on (in), R-TYPE quantifies over every
    // paper of the scenario, and R-NEVER asks for a detainer among papers that are all warrants (never violated).
    private static readonly Model.Ordinance Sets = Load($$"""
        ordinance: "T-S"
        {{Header}}
        vocabulary:
          uses: immigration-cooperation
          types:
            paper:
              fields: { kind: { type: enumeration, values: [detainer, judicial-warrant] }, signedByJudge: yes-no }
            hold:
              fields: { basedOn: { type: set, to: paper }, start: instant }
        definitions:
          - name: on-a-judges-warrant
            params: { h: hold }
            section: "§ 0"
            title: On a judge's warrant
            means: some(d in h.basedOn, d.kind == 'judicial-warrant' and d.signedByJudge)
        provisions:
          - id: R-JUDGE
            section: "§ 1"
            title: Holds only on a judge's warrant
            text: The Town may hold a person only on a warrant signed by a judge.
            modality: prohibition
            binds: Town
            for: { h: hold }
            event-time: h.start
            violated-when: not on-a-judges-warrant(h)
          - id: R-EVERY
            section: "§ 2"
            title: Every paper signed
            text: Every paper a hold is based on is signed by a judge.
            modality: prohibition
            binds: Town
            for: { h: hold }
            event-time: h.start
            applies-when: 0 < count(d in h.basedOn, yes)
            violated-when: not every(d in h.basedOn, yes, d.signedByJudge)
          - id: R-MEMBER
            section: "§ 3"
            title: No hold on a detainer
            text: No hold may rest on a detainer.
            modality: prohibition
            binds: Town
            for: { h: hold, w: paper }
            event-time: h.start
            match: w in h.basedOn
            violated-when: w.kind == 'detainer'
          - id: R-TYPE
            section: "§ 4"
            title: No hold while a detainer is on file
            text: No hold while any detainer is on file.
            modality: prohibition
            binds: Town
            for: { h: hold }
            event-time: h.start
            violated-when: some(p in paper, p.kind == 'detainer') and 1 <= count(p in paper, yes)
          - id: R-NEVER
            section: "§ 5"
            title: A detainer among warrants
            text: No hold may rest on a detainer when every paper it rests on is a warrant.
            modality: prohibition
            binds: Town
            for: { h: hold }
            event-time: h.start
            violated-when: >-
              some(d in h.basedOn, d.kind == 'detainer')
              and every(d in h.basedOn, yes, d.kind == 'judicial-warrant')
        """);

    private static readonly AnalysisReport SetsReport = OrdinanceAnalyzer.Analyze(Sets);

    // Counts with members whose signature is unknown: C-SIGNED counts the papers signed; C-DECIDED is breached only where
    // a paper's signature is unknown and another's is signed (the count is within 1 and 2, at least 1 either way);
    // C-MIRRORED subtracts the count of a hold's papers from a number; C-NEVER asks a count with an unknown member to be
    // exactly 1, which its bounds never settle (never violated).
    private static readonly Model.Ordinance Counts = Load($$"""
        ordinance: "T-C"
        {{Header}}
        vocabulary:
          uses: immigration-cooperation
          types:
            paper:
              fields: { signedByJudge: yes-no }
            hold:
              fields: { basedOn: { type: set, to: paper }, start: instant }
        provisions:
          - id: C-SIGNED
            section: "§ 1"
            title: Two papers signed
            text: No hold while two papers are signed by a judge.
            modality: prohibition
            binds: Town
            for: { h: hold }
            event-time: h.start
            violated-when: count(p in paper, p.signedByJudge) >= 2
          - id: C-DECIDED
            section: "§ 2"
            title: A signed paper beside one unchecked
            text: No hold while a paper is signed by a judge and another is unchecked.
            modality: prohibition
            binds: Town
            for: { h: hold }
            event-time: h.start
            violated-when: 1 <= count(p in paper, p.signedByJudge) and some(p in paper, not known(p.signedByJudge))
          - id: C-MIRRORED
            section: "§ 3"
            title: Few of a hold's papers signed
            text: No hold on unchecked papers when at most one of them is signed by a judge.
            modality: prohibition
            binds: Town
            for: { h: hold }
            event-time: h.start
            violated-when: 3 - count(d in h.basedOn, d.signedByJudge) >= 2 and some(d in h.basedOn, not known(d.signedByJudge))
          - id: C-NEVER
            section: "§ 4"
            title: Exactly one signed, one unchecked
            text: No hold while exactly one paper is signed and another is unchecked.
            modality: prohibition
            binds: Town
            for: { h: hold }
            event-time: h.start
            violated-when: count(p in paper, p.signedByJudge) == 1 and some(p in paper, not known(p.signedByJudge))
        """);

    private static readonly AnalysisReport CountsReport = OrdinanceAnalyzer.Analyze(Counts);

    [Fact]
    public void Analyze_FindingTest_ReachesEveryStatusTheRulesGive()
    {
        var general = FindingsReport.Provisions.Single(p => p.ProvisionId == "F-GENERAL");

        general.IsAnalysed.Should().BeTrue(string.Join("; ", general.NotAnalysed));
        general.Reachable.Select(w => w.Status).Should().BeEquivalentTo([FindingStatus.NotApplicable, FindingStatus.Violated, FindingStatus.Complied, FindingStatus.Undetermined]);
        general.Unreachable.Should().Contain(FindingStatus.ExceptionApplies, "F-GENERAL has no exception of its own");
    }

    [Fact]
    public void Analyze_FindingOfAProvisionAnExceptionDefeats_FollowsTheException()
    {
        // F-ARREST is never violated for an ordered arrest (F-E1 stands): F-ORDERED, which asks for both, never is.
        FindingsReport.Findings.Should().ContainSingle(f => f.ProvisionId == "F-ORDERED" && f.Kind == AnalysisFindingKind.NeverViolated);

        // In an exception's when: an ordered arrest is never barred by § 1, so F-E2 excepts every ordered arrest.
        FindingsReport.Findings.Should().ContainSingle(f => f.ProvisionId == "F-EXCUSED" && f.Kind == AnalysisFindingKind.NeverViolated);
        FindingsReport.Provisions.Single(p => p.ProvisionId == "F-EXCUSED").Reachable.Select(w => w.Status).Should().Contain(FindingStatus.ExceptionApplies);
    }

    [Fact]
    public void Analyze_FindingTestOfAnExceptedBreach_HasAWitnessTheRulesEvaluateSo()
    {
        // Where F-E1 defeats F-ARREST's breach, F-GENERAL (an arrest) is complied with, as the rules retract what they concluded.
        var compiled = OrdinanceCompiler.Compile(Findings);
        var excepted = FindingsReport.Provisions.Single(p => p.ProvisionId == "F-EXCUSED").Reachable.Single(w => w.Status == FindingStatus.ExceptionApplies);

        var report = compiled.Evaluate(excepted.Scenario, excepted.Scenario.AsOf!.Value, new EvaluationOptions { Readings = excepted.Readings });

        report.Findings.Should().Contain(f => f.ProvisionId == "F-ARREST" && f.Status != FindingStatus.Violated);
        report.Findings.Should().ContainSingle(f => f.ProvisionId == "F-EXCUSED").Which.Status.Should().Be(FindingStatus.ExceptionApplies);
    }

    [Fact]
    public void Analyze_FindingTestOfAProvisionOfTwoFacts_ReadsEveryFindingThatBindsTheFact()
    {
        var any = FindingsReport.Provisions.Single(p => p.ProvisionId == "F-ANY-ASK");

        any.IsAnalysed.Should().BeTrue(string.Join("; ", any.NotAnalysed));
        any.Reachable.Select(w => w.Status).Should().Contain([FindingStatus.Violated, FindingStatus.Complied, FindingStatus.Undetermined]);

        // F-PAIR binds two actions: its findings for an action include the one that pairs it with itself, as NRules joins them.
        FindingsReport.Provisions.Single(p => p.ProvisionId == "F-ANY-PAIR").Reachable.Select(w => w.Status).Should().Contain([FindingStatus.Violated, FindingStatus.Complied]);
    }

    [Fact]
    public void Analyze_FindingTestOfABreachOnFurtherFacts_ReadsEachClaimsFinding()
    {
        // F-ORDER's findings bind the official and, for each directive that claims a breach, the directive too.
        FindingsReport.Provisions.Single(p => p.ProvisionId == "F-ORDERED-OFFICIAL").Reachable.Select(w => w.Status)
            .Should().Contain([FindingStatus.Violated, FindingStatus.Complied, FindingStatus.Undetermined]);

        // A directive is bound by the findings of the claims it makes, not by the official's.
        FindingsReport.Provisions.Single(p => p.ProvisionId == "F-ANY-ORDER").Reachable.Select(w => w.Status)
            .Should().Contain([FindingStatus.Violated, FindingStatus.Complied, FindingStatus.Undetermined]);

        // A directive of guidance is excepted (F-E3): F-ORDER is never violated for it.
        var badOrder = FindingsReport.Provisions.Single(p => p.ProvisionId == "F-BAD-ORDER");
        badOrder.IsAnalysed.Should().BeTrue(string.Join("; ", badOrder.NotAnalysed));
        FindingsReport.Findings.Should().ContainSingle(f => f.ProvisionId == "F-BAD-ORDER" && f.Kind == AnalysisFindingKind.NeverViolated);
    }

    [Fact]
    public void Analyze_FindingsOrdinance_EveryWitnessEvaluatesToItsClaimedStatus()
    {
        var compiled = OrdinanceCompiler.Compile(Findings);

        FindingsReport.Provisions.Should().OnlyContain(p => p.IsAnalysed);
        FindingsReport.Witnesses.Should().NotBeEmpty();
        BundledOrdinances.Mismatches(compiled, FindingsReport).Should().BeEmpty();
    }

    [Fact]
    public void Analyze_SetQuantifiers_ReachEveryStatusTheRulesGive()
    {
        SetsReport.Provisions.Should().OnlyContain(p => p.IsAnalysed);
        // R-JUDGE has no applies-when: it is not applicable only to a hold before the law took effect.
        Statuses("R-JUDGE").Should().BeEquivalentTo([FindingStatus.NotApplicable, FindingStatus.Violated, FindingStatus.Complied, FindingStatus.Undetermined]);
        Statuses("R-EVERY").Should().BeEquivalentTo([FindingStatus.NotApplicable, FindingStatus.Violated, FindingStatus.Complied, FindingStatus.Undetermined]);
        Statuses("R-MEMBER").Should().Contain([FindingStatus.Violated, FindingStatus.Complied, FindingStatus.Undetermined]);
        Statuses("R-TYPE").Should().Contain([FindingStatus.Violated, FindingStatus.Complied, FindingStatus.Undetermined]);
    }

    [Fact]
    public void Analyze_SetThatCannotHoldBoth_ReportsNeverViolated()
    {
        SetsReport.Findings.Should().ContainSingle(f => f.ProvisionId == "R-NEVER").Which.Kind.Should().Be(AnalysisFindingKind.NeverViolated);
        SetsReport.Findings.Should().NotContain(f => f.ProvisionId != "R-NEVER" && f.Kind != AnalysisFindingKind.NeverApplies);
    }

    [Fact]
    public void Analyze_MembershipWitness_ListsThePaperTheHoldIsBasedOn()
    {
        var violated = SetsReport.Provisions.Single(p => p.ProvisionId == "R-MEMBER").Reachable.Single(w => w.Status == FindingStatus.Violated);
        var paper = violated.Facts.Single(f => f.Variable == "w").FactId;
        var hold = violated.Scenario.Facts.Single(f => f.Id == violated.Facts.Single(b => b.Variable == "h").FactId);

        ((IEnumerable<Facts.Fact>)hold["basedOn"].Value!).Select(f => f.Id).Should().Contain(paper);
    }

    [Fact]
    public void Analyze_SetsOrdinance_EveryWitnessEvaluatesToItsClaimedStatus()
    {
        var compiled = OrdinanceCompiler.Compile(Sets);

        SetsReport.Witnesses.Should().NotBeEmpty();
        BundledOrdinances.Mismatches(compiled, SetsReport).Should().BeEmpty();
    }

    [Fact]
    public void Analyze_CountComparisons_ReachEveryStatusTheRulesGive()
    {
        CountsReport.Provisions.Should().OnlyContain(p => p.IsAnalysed);
        Statuses(CountsReport, "C-SIGNED").Should().BeEquivalentTo([FindingStatus.NotApplicable, FindingStatus.Violated, FindingStatus.Complied, FindingStatus.Undetermined]);
        Statuses(CountsReport, "C-DECIDED").Should().Contain([FindingStatus.Violated, FindingStatus.Complied, FindingStatus.Undetermined]);
        Statuses(CountsReport, "C-MIRRORED").Should().Contain([FindingStatus.Violated, FindingStatus.Complied, FindingStatus.Undetermined]);
    }

    [Fact]
    public void Analyze_CountWithAnUnknownMemberThatCannotChangeTheAnswer_IsViolatedWithThatMemberUnknown()
    {
        // C-DECIDED's breach needs a paper whose signature is not known: the count is decided by its bounds alone.
        var violated = CountsReport.Provisions.Single(p => p.ProvisionId == "C-DECIDED").Reachable.Single(w => w.Status == FindingStatus.Violated);
        var signatures = violated.Scenario.Facts.Where(f => f.Type.Name == "paper").Select(f => f["signedByJudge"]).ToList();

        signatures.Should().Contain(v => v.State == Facts.ValueState.Known && Equals(v.Value, true));
        signatures.Should().Contain(v => v.State != Facts.ValueState.Known);
    }

    [Fact]
    public void Analyze_CountThatItsBoundsNeverSettle_ReportsNeverViolated()
    {
        CountsReport.Findings.Should().ContainSingle(f => f.ProvisionId == "C-NEVER").Which.Kind.Should().Be(AnalysisFindingKind.NeverViolated);
        CountsReport.Findings.Should().NotContain(f => f.ProvisionId != "C-NEVER" && f.Kind != AnalysisFindingKind.NeverApplies);
    }

    [Fact]
    public void Analyze_CountsOrdinance_EveryWitnessEvaluatesToItsClaimedStatus()
    {
        var compiled = OrdinanceCompiler.Compile(Counts);

        CountsReport.Witnesses.Should().NotBeEmpty();
        BundledOrdinances.Mismatches(compiled, CountsReport).Should().BeEmpty();
    }

    private static IEnumerable<FindingStatus> Statuses(AnalysisReport report, string id) => report.Provisions.Single(p => p.ProvisionId == id).Reachable.Select(w => w.Status);

    private static IEnumerable<FindingStatus> Statuses(string id) => SetsReport.Provisions.Single(p => p.ProvisionId == id).Reachable.Select(w => w.Status);

    private static Model.Ordinance Load(string yaml) => OrdinanceYaml.ParseOrdinance(yaml, "seeded.yaml").GetValueOrThrow();
}
