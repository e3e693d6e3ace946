using OrdinanceRules.Explanations;
using OrdinanceRules.Facts;
using OrdinanceRules.Json;
using OrdinanceRules.Vocabulary;

namespace OrdinanceRules.Yaml.Tests;

/// <summary>
/// Interview mode through the library, over an ordinance of two provisions: S1 turns on whether the act was voluntary,
/// S2 on that and on its kind, so the voluntariness question could settle both and the kind question one.
/// </summary>
public class InterviewTests
{
    private static readonly DateTimeOffset AsOf = new(2024, 5, 1, 12, 0, 0, TimeSpan.FromHours(-5));

    private static readonly CompiledOrdinance Ordinance = OrdinanceCompiler.Compile(OrdinanceYaml.ParseOrdinance("""
        ordinance: "9"
        title: T
        jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
        vocabulary: { uses: immigration-cooperation }
        provisions:
          - id: S1
            section: "§ 1"
            title: No voluntary help
            text: No official shall help of their own accord.
            modality: prohibition
            binds: Town
            for: { a: action }
            violated-when: a.voluntary
          - id: S2
            section: "§ 2"
            title: No voluntary transport
            text: No official shall transport of their own accord.
            modality: prohibition
            binds: Town
            for: { a: action }
            violated-when: a.voluntary and a.kind == 'transport'
          - id: S3
            section: "§ 3"
            title: No arrest for lack of status
            text: No arrest for lack of status.
            modality: prohibition
            binds: Town
            for: { a: action }
            violated-when: a.subject.immigrationStatus == 'no-status'
        """, "interview.yaml").GetValueOrThrow());

    private static Interview Start(string facts) => Interview.Start(
        Ordinance,
        OrdinanceYaml.ParseScenario("scenario: S\nfacts:\n" + facts, "s.yaml", Ordinance.Ordinance).GetValueOrThrow(),
        AsOf);

    private const string Unknowns = "  - action: act-1\n    voluntary: unknown\n    kind: unknown\n    end: unknown\n";

    [Fact]
    public void Start_TwoUnknownsOneUnused_AsksTheOneThatSettlesMostFirstAndNeverTheUnused()
    {
        var interview = Start(Unknowns);

        interview.Status.Should().Be(InterviewStatus.Open);
        interview.Questions.Select(q => (q.Field, q.Settles, q.Findings.Length)).Should().Equal(("voluntary", 2, 2), ("kind", 1, 1));
        interview.Questions.Should().NotContain(q => q.Field == "end", "no outcome depends on when the act ended");
        var first = interview.Questions[0];
        first.Unknown.Should().Be("action act-1: voluntary");
        first.Kind.Should().Be(FieldKind.YesNo);
        first.Choices.Select(c => c.Value).Should().Equal("yes", "no");
        first.Text.Should().StartWith("action act-1, voluntary: Yes when the official chose to act").And.Contain("Answer yes or no.");
        interview.Questions[1].Choices.Select(c => c.Value).Should().Contain("transport");
    }

    [Fact]
    public void Answer_SettlingValue_ReEvaluatesUntilEveryFindingIsDetermined()
    {
        var answered = Start(Unknowns).Answer("act-1", "voluntary", "no").GetValueOrThrow();

        answered.Status.Should().Be(InterviewStatus.Determined);
        answered.Questions.Should().BeEmpty();
        answered.Report.Findings.Where(f => f.ProvisionId is "S1" or "S2").Select(f => f.Status).Should().Equal(FindingStatus.Complied, FindingStatus.Complied);
        answered.Answers.Should().Equal(new InterviewAnswer("act-1", "voluntary", "no"));
    }

    [Fact]
    public void Answer_ValueThatLeavesAFindingOpen_AsksOnlyWhatStillMatters()
    {
        var answered = Start(Unknowns).Answer("act-1", "voluntary", "yes").GetValueOrThrow();

        answered.Report.For("S1").Single().Status.Should().Be(FindingStatus.Violated);
        answered.Questions.Select(q => q.Field).Should().Equal("kind");
    }

    [Fact]
    public void Answer_Unknown_TakesTheQuestionOffAndStopsWhenNothingCanChange()
    {
        var step = Start(Unknowns).Answer("act-1", "voluntary", "yes").GetValueOrThrow().Answer("act-1", "kind", "unknown").GetValueOrThrow();

        step.Status.Should().Be(InterviewStatus.Exhausted);
        step.Questions.Should().BeEmpty();
        step.Unaskable.Should().Equal("action act-1: kind");
        step.Report.For("S2").Single().Status.Should().Be(FindingStatus.Undetermined);
    }

    [Fact]
    public void Answer_ValueTheFieldDoesNotTake_IsAProblemNotAnException()
    {
        var result = Start(Unknowns).Answer("act-1", "kind", "teleport");

        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("teleport");
    }

    [Fact]
    public void Start_NothingUnknown_IsDeterminedAtOnce()
    {
        var interview = Start("  - action: act-1\n    voluntary: no\n");

        interview.Status.Should().Be(InterviewStatus.Determined);
        interview.Questions.Should().BeEmpty();
    }

    [Fact]
    public void InterviewDocument_SensitiveAnswer_IsRedactedUnlessShown()
    {
        var facts = "  - person: per-1\n    immigrationStatus: unknown\n  - action: act-1\n    subject: per-1\n    voluntary: no\n";
        var interview = Start(facts);

        var question = interview.Questions.Should().ContainSingle().Subject;
        question.Sensitive.Should().BeTrue();
        question.Settles.Should().Be(1, "trying a sensitive field's values to count what they settle shows no value");
        var answered = interview.Answer("per-1", "immigrationStatus", "no-status").GetValueOrThrow();
        answered.Report.For("S3").Single().Status.Should().Be(FindingStatus.Violated);

        var json = OrdinanceJson.Write(OrdinanceJson.Interview(answered));
        json.Should().Contain("\"value\": \"[sensitive]\"").And.NotContain("no-status");
        OrdinanceJson.Read<InterviewDocument>(json).Status.Should().Be("determined");
    }
}
