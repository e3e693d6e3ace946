using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Yaml.Tests;

/// <summary>One provision over several fact types: one finding per matching fact, under one id, through NRules.</summary>
public class OrdinanceYamlSeveralTypesTests
{
    // "request, maintain or share": one clause over three kinds of conduct. P1's violated-when is on line 25.
    private const string Ordinance = """
        ordinance: "1"
        title: T
        jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
        vocabulary:
          uses: test-vocabulary.yaml
          types:
            inquiry:
              fields:
                by: { type: reference, to: agency }
                subject: { type: enumeration, values: [status, other] }
            record:
              fields:
                by: { type: reference, to: agency }
                subject: { type: enumeration, values: [status, other] }
                retained: yes-no
        provisions:
          - id: P1
            section: "§ 1"
            title: No status inquiries or records
            text: No agency of the Town shall request or maintain information about immigration status.
            modality: prohibition
            binds: Town
            for: { x: [inquiry, record] }
            applies-when: x.by.level == 'city'
            violated-when: x.subject == 'status'
        """;

    private static readonly DateTimeOffset AsOf = new(2022, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string Facts = """
          - agency: TPD
            level: city
          - inquiry: q-1
            by: TPD
            subject: status
          - record: rec-1
            by: TPD
            subject: other
            retained: yes
          - record: rec-2
            by: TPD
            subject: unknown
        """;

    [Fact]
    public void Evaluate_FactsOfEachListedType_OneFindingEachUnderTheOneId()
    {
        var report = TestFiles.Evaluate(Ordinance, Facts, AsOf);

        report.Findings.Select(f => (f.ProvisionId, f.Facts.Single().FactType, f.Facts.Single().FactId, f.Status)).Should().BeEquivalentTo(new[]
        {
            ("P1", "inquiry", "q-1", FindingStatus.Violated),
            ("P1", "record", "rec-1", FindingStatus.Complied),
            ("P1", "record", "rec-2", FindingStatus.Undetermined),
        });
        report.Findings.Single(f => f.Status == FindingStatus.Undetermined).Unknowns.Should().Equal("record rec-2: subject");
    }

    [Fact]
    public void Evaluate_NoFactOfAnyListedType_OneNotApplicableFindingNamingThemAll()
    {
        var report = TestFiles.Evaluate(Ordinance, "  - agency: TPD\n    level: city\n", AsOf);

        var finding = report.Findings.Should().ContainSingle().Subject;
        finding.Status.Should().Be(FindingStatus.NotApplicable);
        finding.Reason.Should().Contain("it has no inquiry or record that P1 covers");
    }

    [Fact]
    public void Compile_SeveralTypes_CompilesNoMoreRulesThanOneTypeSaveItsExistenceRule()
    {
        var several = TestFiles.Compile(Ordinance).GetValueOrThrow();
        var one = TestFiles.Compile(Ordinance.Replace("[inquiry, record]", "inquiry", StringComparison.Ordinal)).GetValueOrThrow();

        several.RuleCount.Should().Be(one.RuleCount + 1, "the provision keeps one set of rules; only the 'further facts may exist' rule is per type");
    }

    [Fact]
    public void Evaluate_TwoExceptionsOverTheVariable_CompileSideBySideAndDecide()
    {
        // Each exception's rules test x's type on the claim's bindings; NRules compares such tests across rules.
        var ordinance = Ordinance + """

                exceptions:
                  - id: E1
                    section: "§ 1(b)"
                    title: Asked or kept by a federal agency
                    when: x.by.level == 'federal'
                  - id: E2
                    section: "§ 1(c)"
                    title: About status
                    when: x.subject == 'status'
            """;

        var report = TestFiles.Evaluate(ordinance, Facts, AsOf);

        var inquiry = report.Findings.Single(f => f.Facts.Single().FactId == "q-1");
        inquiry.Status.Should().Be(FindingStatus.ExceptionApplies);
        inquiry.Exceptions.Select(e => e.Id).Should().Equal("E2");
    }

    [Fact]
    public void Compile_FieldOnlySomeTypesHave_SaysWhichTypeLacksItAtItsColumn()
    {
        var (code, where, message) = TestFiles.Single(TestFiles.Compile(Ordinance.Replace("x.subject == 'status'", "x.subject == 'status' and x.retained", StringComparison.Ordinal)));

        code.Should().Be(DiagnosticCodes.ConditionUnknownName);
        where.Should().Be("25:48");
        message.Should().Be("in violated-when of provision P1: when x is an inquiry: fact type 'inquiry' has no field 'retained'");
    }

    [Fact]
    public void Compile_UnknownTypeInTheList_IsLocatedWithASuggestion()
    {
        var first = TestFiles.Compile(Ordinance.Replace("[inquiry, record]", "[inquiry, recrd]", StringComparison.Ordinal)).Diagnostics[0];

        first.Code.Should().Be(DiagnosticCodes.ConditionUnknownName);
        $"{first.Location!.Line}:{first.Location.Column}".Should().Be("23:12");
        first.Message.Should().Contain("'recrd' is not a fact type").And.Contain("did you mean 'record'?");
    }

    [Fact]
    public void LoadOrdinance_ListOfTypes_ReadsEveryTypeInOrder()
    {
        var binding = TestFiles.Ordinance(Ordinance).GetValueOrThrow().Provisions[0].For.Single();

        binding.FactTypes.Should().Equal("inquiry", "record");
        binding.FactType.Should().Be("inquiry");
    }

    [Fact]
    public void LoadOrdinance_ListThatIsNotOfNames_IsAShapeError()
    {
        var read = TestFiles.Ordinance(Ordinance.Replace("[inquiry, record]", "[inquiry, { a: b }]", StringComparison.Ordinal));

        read.Succeeded.Should().BeFalse();
        read.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("ranges over a list of type names");
    }
}
