using OrdinanceRules.Json;

namespace OrdinanceRules.Cli.Tests.Explain;

/// <summary><c>ordinance interview</c> without a terminal: the questions worth asking, and answers from a file.</summary>
public class InterviewCommandTests
{
    private static readonly string Threat = Samples.Scenario("p2-threat-specificity-unknown-undetermined");

    [Fact]
    public void Interview_NoAnswers_ListsTheQuestionsThatMatterAndNotTheOthers()
    {
        var result = Cli.Run("interview", Samples.Ordinance, Threat);

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        result.OutputLines.Should().Contain("P2 (a=act-1): Undetermined");
        result.OutputLines.Should().Contain(l => l.StartsWith("  1. threat t-1, specificity: ", StringComparison.Ordinal) && l.Contains("Answer one of: specific, general.", StringComparison.Ordinal));
        result.Output.Should().NotContain("imminent", "the scenario leaves it unknown, but no outcome depends on it");
    }

    [Fact]
    public void Interview_AnswersFile_ReEvaluatesUntilDetermined()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["answers.txt"], "# what the officer saw\n\nt-1.specificity=general\n");

        var result = Cli.Run("interview", Samples.Ordinance, Threat, "--answers", folder["answers.txt"]);

        result.ExitCode.Should().Be(CliApp.Violation, result.Errors);
        result.OutputLines.Should().Contain("Answered t-1.specificity=general").And.Contain("P2 (a=act-1): Violated")
            .And.Contain("Every finding is determined: nothing is left to ask.");
    }

    [Fact]
    public void Interview_Json_IsTheContractsInterviewDocument()
    {
        var result = Cli.Run("interview", Samples.Ordinance, Threat, "--format", "json");

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        var document = OrdinanceJson.Read<InterviewDocument>(result.Output);
        document.Status.Should().Be("open");
        var question = document.Questions.Should().ContainSingle().Subject;
        (question.Fact, question.Field, question.Settles).Should().Be(("t-1", "specificity", 1));
        question.Choices.Select(c => c.Value).Should().Equal("specific", "general");
    }

    [Fact]
    public void Interview_BadAnswer_IsReportedAtItsLine()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["answers.txt"], "t-1.specificity=general\nt-1.specificity=vague\n");

        var result = Cli.Run("interview", Samples.Ordinance, Threat, "--answers", folder["answers.txt"]);

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Errors.Should().Contain(":2:1: error OR5203: ").And.Contain("vague");
    }
}
