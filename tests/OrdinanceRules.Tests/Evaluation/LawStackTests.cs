using System.Globalization;
using OrdinanceRules.Facts;
using OrdinanceRules.Model;
using OrdinanceRules.Vocabulary;

namespace OrdinanceRules.Tests.Evaluation;

/// <summary>A local "don't ask" rule stacked under a state law that forbids restricting status inquiries (after K.S.A. 12-16,140).</summary>
public class LawStackTests
{
    private static readonly FactVocabulary Vocabulary = FactVocabulary.Create("inquiries",
    [
        new FactType("inquiry", [
            new FieldDefinition("aboutStatus", FieldType.YesNo),
            new FieldDefinition("requiredByLaw", FieldType.YesNo),
            new FieldDefinition("at", FieldType.Instant),
        ]),
    ]);

    private static readonly Provision DontAsk = new()
    {
        Id = "P6",
        Section = "§ 7",
        Title = "Do not ask about immigration status",
        Text = "Officers shall not ask persons charged with a crime about their immigration status.",
        Modality = Modality.Prohibition,
        Binds = "Police officers",
        For = [new Binding("q", "inquiry")],
        EventTime = "q.at",
        ViolatedWhen = FactTest.Of("q.aboutStatus"),
    };

    private static readonly Ordinance Local = new()
    {
        Title = "Local Act",
        Number = "1005",
        Jurisdiction = new Jurisdiction("Roeland Park", "Kansas", "America/Chicago"),
        AdoptedOn = new DateOnly(2020, 12, 21),
        EffectiveFrom = new DateOnly(2020, 12, 21),
        Provisions = [DontAsk],
        Vocabulary = Vocabulary,
    };

    private static readonly Ordinance State = new()
    {
        Title = "Restrictions on immigration-status policies",
        Number = "12-16,140",
        Jurisdiction = new Jurisdiction("Kansas", "Kansas", "America/Chicago", JurisdictionLevel.State),
        AdoptedOn = new DateOnly(2022, 4, 12),
        EffectiveFrom = new DateOnly(2022, 7, 1),
        Vocabulary = Vocabulary,
        Provisions =
        [
            new Provision
            {
                Id = "KSA-140a",
                Section = "(a)",
                Title = "No local restriction on obtaining immigration-status information",
                Text = "No municipality may restrict an officer from obtaining immigration-status information.",
                Modality = Modality.Permission,
                Binds = "Municipalities",
                For = [new Binding("q", "inquiry")],
                EventTime = "q.at",
                AppliesWhen = "q.aboutStatus",
                ViolatedWhen = FactTest.Of("no"),
            },
        ],
    };

    private static Scenario Inquiry(string at, bool requiredByLaw = false) =>
        new ScenarioBuilder(Vocabulary, "America/Chicago")
            .Fact("inquiry", "q1", f => f.Set("aboutStatus", true).Set("requiredByLaw", requiredByLaw).Set("at", at))
            .Build();

    private static readonly DateTimeOffset AsOf = DateTimeOffset.Parse("2023-01-01T00:00:00-06:00", CultureInfo.InvariantCulture);

    [Fact]
    public void Evaluate_BeforeTheStateLawTookEffect_LocalRuleDecides()
    {
        var report = OrdinanceCompiler.Compile(Local, [State]).Evaluate(Inquiry("2022-06-30T12:00:00-05:00"), AsOf);

        report.For("P6").Single().Status.Should().Be(FindingStatus.Violated);
        report.HigherLaws.Should().Equal("Kansas Ordinance 12-16,140");
    }

    [Fact]
    public void Evaluate_AfterTheStateLawTookEffect_HigherLawPrevailsAsAnException()
    {
        var report = OrdinanceCompiler.Compile(Local, [State]).Evaluate(Inquiry("2022-07-01T12:00:00-05:00"), AsOf);

        var finding = report.For("P6").Single();
        finding.Status.Should().Be(FindingStatus.ExceptionApplies);
        finding.Exceptions.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Id = "KSA-140a",
            Section = "Kansas Ordinance 12-16,140, (a)",
            Title = "No local restriction on obtaining immigration-status information (higher law prevails)",
        });
        report.For("KSA-140a").Single().Status.Should().Be(FindingStatus.Complied);
        report.Conflicts.Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_EqualRankPermissionWithoutPrecedence_IsReportedAsAConflict()
    {
        var permission = State.Provisions[0] with { Id = "P7", Section = "§ 8", Title = "Officers may ask when the law requires it", EventTime = null, AppliesWhen = "q.aboutStatus and q.requiredByLaw" };
        var compiled = OrdinanceCompiler.Compile(Local with { Provisions = [DontAsk, permission] });

        var report = compiled.Evaluate(Inquiry("2022-01-10T12:00:00-06:00", requiredByLaw: true), AsOf);

        report.For("P6").Single().Status.Should().Be(FindingStatus.Violated);
        var conflict = report.Conflicts.Should().ContainSingle().Subject;
        conflict.ProvisionId.Should().Be("P6");
        conflict.OtherProvisionId.Should().Be("P7");
        conflict.Facts.Should().ContainSingle().Which.FactId.Should().Be("q1");
        conflict.Description.Should().Contain("neither is declared to prevail");
    }

    [Fact]
    public void Evaluate_EqualRankPermissionDeclaredToPrevail_ActsAsAnException()
    {
        var permission = State.Provisions[0] with { Id = "P7", Section = "§ 8", Title = "Officers may ask when the law requires it", EventTime = null, AppliesWhen = "q.aboutStatus and q.requiredByLaw", PrevailsOver = ["P6"] };
        var compiled = OrdinanceCompiler.Compile(Local with { Provisions = [DontAsk, permission] });

        var report = compiled.Evaluate(Inquiry("2022-01-10T12:00:00-06:00", requiredByLaw: true), AsOf);

        report.For("P6").Single().Status.Should().Be(FindingStatus.ExceptionApplies);
        report.Conflicts.Should().BeEmpty();
        compiled.Evaluate(Inquiry("2022-01-10T12:00:00-06:00", requiredByLaw: false), AsOf).For("P6").Single().Status.Should().Be(FindingStatus.Violated);
    }

    [Fact]
    public void TryCompile_HigherLawNotOfAHigherLevel_IsAnError()
    {
        var result = OrdinanceCompiler.TryCompile(Local, [State with { Jurisdiction = State.Jurisdiction with { Level = JurisdictionLevel.City } }]);

        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("is not of a higher level");
    }

    [Fact]
    public void Compile_TheSameStackTwice_SharesOneMergedVocabularySoAScenarioBuiltForOneEvaluatesUnderTheOther()
    {
        // The state law's vocabulary adds a field, so the stack's vocabulary is a merge of the two.
        var extended = FactVocabulary.Create("state", [new FactType("inquiry", [.. Vocabulary.Types[0].Fields, new FieldDefinition("byStateOfficer", FieldType.YesNo)])]);
        var state = State with { Vocabulary = extended };
        var first = OrdinanceCompiler.Compile(Local, [state]);
        var second = OrdinanceCompiler.Compile(Local, [state]);
        var scenario = new ScenarioBuilder(first.Ordinance.Vocabulary, "America/Chicago")
            .Fact("inquiry", "q1", f => f.Set("aboutStatus", true).Set("requiredByLaw", false).Set("byStateOfficer", false).Set("at", "2022-06-30T12:00:00-05:00"))
            .Build();

        first.Ordinance.Vocabulary.Should().NotBeSameAs(Vocabulary, "the state law adds a field");
        second.Ordinance.Vocabulary.Should().BeSameAs(first.Ordinance.Vocabulary);
        second.Evaluate(scenario, AsOf).For("P6").Single().Status.Should().Be(FindingStatus.Violated);
    }

    [Fact]
    public void TryCompile_VocabulariesThatDisagree_IsAnError()
    {
        var other = FactVocabulary.Create("other", [new FactType("inquiry", [new FieldDefinition("aboutStatus", FieldType.Text)])]);

        var result = OrdinanceCompiler.TryCompile(Local, [State with { Vocabulary = other }]);

        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("cannot share a vocabulary");
    }
}
