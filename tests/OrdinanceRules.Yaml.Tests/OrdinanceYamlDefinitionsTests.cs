using OrdinanceRules.Diagnostics;
using OrdinanceRules.Model;

namespace OrdinanceRules.Yaml.Tests;

/// <summary>Definitions and shared exception sets: read from YAML, type-checked with located errors, evaluated through NRules.</summary>
public class OrdinanceYamlDefinitionsTests
{
    // The definitions start on line 5; the provisions on line 22.
    private const string Ordinance = """
        ordinance: "1"
        title: T
        jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
        vocabulary: { uses: test-vocabulary.yaml }
        definitions:
          - name: immigration-agency
            params: { g: agency }
            section: "§ 1(a)"
            title: Immigration agency
            means: g.level == 'federal' and g.enforcesImmigration
          - name: civil-immigration-request
            params: { q: request }
            section: "§ 1(b)"
            means: immigration-agency(q.from) and 'civil-immigration' in q.purposes
        exception-sets:
          - name: specific-threat
            reads: { r: request }
            exceptions:
              - id: E-threat
                section: "§ 3"
                title: Specific threat
                for: { t: threat }
                when: t.specific
        provisions:
          - id: P1
            section: "§ 2"
            title: No detainers for immigration agencies
            text: The Town does not honour civil immigration detainers.
            modality: prohibition
            binds: Town
            for: { r: request }
            applies-when: civil-immigration-request(r)
            violated-when: r.kind == 'detainer'
            exceptions:
              - use: specific-threat
          - id: P2
            section: "§ 4"
            title: No support for immigration agencies
            text: The Town gives no support to immigration agencies.
            modality: prohibition
            binds: Town
            for: { r: request }
            applies-when: immigration-agency(r.from)
            violated-when: r.kind == 'support'
            exceptions:
              - use: specific-threat
        """;

    private static readonly DateTimeOffset AsOf = new(2022, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Result<CompiledOrdinance> Compile(string yaml) => TestFiles.Compile(yaml);

    private static ComplianceReport Evaluate(string facts, bool explain = false) => TestFiles.Evaluate(Ordinance, facts, AsOf, explain);

    private const string Ice = """
          - agency: ICE
            level: federal
            enforcesImmigration: yes
        """;

    [Fact]
    public void LoadOrdinance_Definitions_MapsNameParametersCitationAndBody()
    {
        var ordinance = TestFiles.Ordinance(Ordinance).GetValueOrThrow();

        ordinance.Definitions.Select(d => d.Signature).Should().Equal("immigration-agency(g: agency)", "civil-immigration-request(q: request)");
        var first = ordinance.Definitions[0];
        first.Section.Should().Be("§ 1(a)");
        first.Title.Should().Be("Immigration agency");
        first.Means.Should().Be(new ConditionText("g.level == 'federal' and g.enforcesImmigration", new SourceLocation("test.yaml", 10, 12)));
        ordinance.Definitions[1].Title.Should().BeNull();
    }

    [Fact]
    public void LoadOrdinance_ExceptionSet_SharesTheSameExceptionUnderEachProvision()
    {
        var ordinance = TestFiles.Ordinance(Ordinance).GetValueOrThrow();

        var p1 = ordinance.Provisions[0].Exceptions.Should().ContainSingle().Subject;
        var p2 = ordinance.Provisions[1].Exceptions.Should().ContainSingle().Subject;
        p1.Should().BeSameAs(p2);
        p1.Id.Should().Be("E-threat");
        p1.SharedFrom.Should().Be("specific-threat");
    }

    [Fact]
    public void Evaluate_DefinitionsThatHold_ApplyTheProvisionAndFindTheBreach()
    {
        var report = Evaluate(Ice + """

              - request: req-1
                from: ICE
                kind: detainer
                purposes: [civil-immigration]
            """);

        report.Findings.Select(f => (f.ProvisionId, f.Status)).Should().Equal(("P1", FindingStatus.Violated), ("P2", FindingStatus.Complied));
    }

    [Fact]
    public void Evaluate_DefinitionThatFails_LeavesTheProvisionNotApplicable()
    {
        var report = Evaluate(Ice + """

              - request: req-1
                from: ICE
                kind: detainer
                purposes: [criminal-other]
            """);

        report.Findings.Select(f => (f.ProvisionId, f.Status)).Should().Equal(("P1", FindingStatus.NotApplicable), ("P2", FindingStatus.Complied));
    }

    [Fact]
    public void Evaluate_UnknownFieldInsideADefinition_IsUndeterminedAndNamesTheField()
    {
        var report = Evaluate("""
              - agency: ICE
                level: federal
                enforcesImmigration: unknown
              - request: req-1
                from: ICE
                kind: detainer
                purposes: [civil-immigration]
            """);

        var p1 = report.Findings[0];
        p1.Status.Should().Be(FindingStatus.Undetermined);
        p1.Unknowns.Should().Equal("agency ICE: enforcesImmigration");
    }

    [Fact]
    public void Evaluate_KleeneThroughADefinition_FalseAndUnknownIsFalse()
    {
        // level: state makes immigration-agency(g) no, whatever enforcesImmigration is.
        var report = Evaluate("""
              - agency: KHP
                level: state
                enforcesImmigration: unknown
              - request: req-1
                from: KHP
                kind: detainer
                purposes: [civil-immigration]
            """);

        report.Findings.Select(f => f.Status).Should().Equal(FindingStatus.NotApplicable, FindingStatus.NotApplicable);
    }

    [Fact]
    public void Evaluate_SharedExceptionSet_DefeatsEachProvisionThatUsesIt()
    {
        var report = Evaluate(Ice + """

              - request: req-1
                from: ICE
                kind: detainer
                purposes: [civil-immigration]
              - request: req-2
                from: ICE
                kind: support
              - threat: t-1
                specific: yes
            """);

        report.Findings.Where(f => f.Status == FindingStatus.ExceptionApplies)
            .Select(f => (f.ProvisionId, string.Join(",", f.Exceptions.Select(e => e.Id)), f.Facts[0].FactId))
            .Should().Equal(("P1", "E-threat", "req-1"), ("P2", "E-threat", "req-2"));
    }

    [Fact]
    public void Evaluate_Explain_ShowsEachDefinitionUsedWithItsCitation()
    {
        var report = Evaluate(Ice + """

              - request: req-1
                from: ICE
                kind: detainer
                purposes: [civil-immigration]
            """, explain: true);

        var text = report.Explanations[0].Root.ToString();
        text.Should().Contain("applies-when: civil-immigration-request(r): yes [held]");
        text.Should().Contain("uses civil-immigration-request(q: request), § 1(b): immigration-agency(q.from) and 'civil-immigration' in q.purposes");
        text.Should().Contain("uses immigration-agency(g: agency), § 1(a) (Immigration agency): g.level == 'federal' and g.enforcesImmigration");
    }

    [Fact]
    public void Compile_UnknownDefinition_SuggestsTheNearestAtItsColumn()
    {
        var result = Compile(Ordinance.Replace("applies-when: immigration-agency(r.from)", "applies-when: imigration-agency(r.from)"));

        var (code, where, message) = TestFiles.Single(result);
        code.Should().Be(DiagnosticCodes.ConditionUnknownName);
        where.Should().Be("43:19");
        message.Should().Be("in applies-when of provision P2: 'imigration-agency' is not a function or a definition: the functions are known, absent, within, any, only, reading, param, violated, every, some, count and the start-of- and end-of- day, month, quarter and year; the ordinance defines civil-immigration-request, immigration-agency; did you mean 'immigration-agency'?");
    }

    [Fact]
    public void Compile_WrongArity_SaysHowManyArgumentsTheDefinitionTakes()
    {
        var result = Compile(Ordinance.Replace("applies-when: immigration-agency(r.from)", "applies-when: immigration-agency(r.from, r.to)"));

        TestFiles.Single(result).Should().Be((DiagnosticCodes.ConditionType, "43:19", "in applies-when of provision P2: immigration-agency(g: agency) takes 1 argument, not 2"));
    }

    [Fact]
    public void Compile_WrongParameterType_NamesTheParameterAtTheArgument()
    {
        var result = Compile(Ordinance.Replace("applies-when: immigration-agency(r.from)", "applies-when: immigration-agency(r)"));

        TestFiles.Single(result).Should().Be((DiagnosticCodes.ConditionType, "43:38", "in applies-when of provision P2: immigration-agency(g: agency) takes an agency as 'g', but this is a request"));
    }

    [Fact]
    public void Compile_ErrorInADefinitionsBody_IsReportedInTheBodyOnce()
    {
        var result = Compile(Ordinance.Replace("g.level == 'federal'", "g.levl == 'federal'"));

        // Reported once, in the body: the conditions that call it fail without repeating it.
        var body = result.Diagnostics.Should().ContainSingle().Subject;
        (body.Code, $"{body.Location!.Line}:{body.Location.Column}", body.Message).Should().Be((
            DiagnosticCodes.ConditionUnknownName, "10:14", "in definition 'immigration-agency': fact type 'agency' has no field 'levl'; did you mean 'level'?"));
    }

    [Fact]
    public void Compile_RecursiveDefinitions_NameTheCycle()
    {
        var yaml = Ordinance.Replace(
            "means: g.level == 'federal' and g.enforcesImmigration",
            "means: g.level == 'federal' and civil-immigration-request-from(g)\n  - name: civil-immigration-request-from\n    params: { h: agency }\n    section: \"§ 1(c)\"\n    means: immigration-agency(h)");

        var cycle = Compile(yaml).Diagnostics.Where(d => d.Code == DiagnosticCodes.DefinitionCycle).Should().ContainSingle().Subject;
        cycle.Message.Should().Be("definition 'immigration-agency' is defined through itself: immigration-agency → civil-immigration-request-from → immigration-agency; a definition may use other definitions, but not itself, directly or through others");
        cycle.Location!.Line.Should().Be(10);
    }

    [Fact]
    public void Compile_DefinitionUsingItself_IsACycleOfOne()
    {
        var result = Compile(Ordinance.Replace("means: g.level == 'federal' and g.enforcesImmigration", "means: g.level == 'federal' or immigration-agency(g)"));

        result.Diagnostics.Select(d => d.Code).Should().Contain(DiagnosticCodes.DefinitionCycle);
        result.Diagnostics.First(d => d.Code == DiagnosticCodes.DefinitionCycle).Message.Should().StartWith("definition 'immigration-agency' uses itself: immigration-agency → immigration-agency;");
    }

    [Fact]
    public void Compile_UnknownParameterType_SuggestsAFactType()
    {
        var result = Compile(Ordinance.Replace("params: { g: agency }", "params: { g: agncy }"));

        result.Diagnostics.Should().ContainSingle();
        result.Diagnostics[0].Message.Should().StartWith("parameter 'g' of definition 'immigration-agency' has type 'agncy', which is neither a fact type of vocabulary 'test-cooperation' nor one of instant, duration, number, text, yes-no");
        result.Diagnostics[0].Message.Should().EndWith("did you mean 'agency'?");
        result.Diagnostics[0].Location!.Line.Should().Be(7);
    }

    [Fact]
    public void Compile_DefinitionNamedAfterABuiltIn_IsRejected()
    {
        var result = Compile(Ordinance.Replace("  - name: civil-immigration-request\n", "  - name: within\n").Replace("civil-immigration-request(r)", "r.kind == 'detainer'"));

        result.Diagnostics.Should().ContainSingle(d => d.Message == "definition 'within' has the name of a built-in function or word of the condition language; choose another");
    }

    [Fact]
    public void ParseOrdinance_UnknownExceptionSet_SuggestsTheNearest()
    {
        var result = TestFiles.Ordinance(Ordinance.Replace("- use: specific-threat\n  - id: P2", "- use: specific-treat\n  - id: P2"));

        TestFiles.Single(result).Should().Be((DiagnosticCodes.ConditionUnknownName, "35:14", "'specific-treat' is not an exception set: the sets are specific-threat; did you mean 'specific-threat'?"));
    }

    [Fact]
    public void ParseOrdinance_ExceptionSetReadsAVariableTheProvisionDoesNotBind_SaysWhatToBind()
    {
        var result = TestFiles.Ordinance(Ordinance.Replace("for: { r: request }\n    applies-when: immigration-agency", "for: { x: request }\n    applies-when: immigration-agency"));

        TestFiles.Single(result).Should().Be((DiagnosticCodes.ConditionType, "46:14", "exception set 'specific-threat' reads r: request, but provision 'P2' does not bind it; bind r: request in its 'for'"));
    }
}
