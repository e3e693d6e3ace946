using OrdinanceRules.Evaluation;
using OrdinanceRules.Yaml.Tests.Samples;

namespace OrdinanceRules.Yaml.Tests;

/// <summary><see cref="ReadingChoices"/>: <c>name=alternative</c> choices checked against Roeland Park's readings.</summary>
public sealed class ReadingChoicesTests
{
    private static readonly Model.Ordinance RoelandPark =
        OrdinanceYaml.LoadOrdinance(Repository.PathOf("samples", "ordinances", "roeland-park-ks.yaml")).GetValueOrThrow();

    [Fact]
    public void TryParse_ValidChoices_AppliesEach()
    {
        ReadingChoices.TryParse(RoelandPark, ["p3-anchor=receipt", " p3-end = exclusive "], out var options, out var problems).Should().BeTrue();

        problems.Should().BeEmpty();
        options.Readings.Should().Contain("p3-anchor", "receipt").And.Contain("p3-end", "exclusive");
    }

    [Fact]
    public void TryParse_EveryKindOfMistake_OneMessageEachInOrderAndTheValidOnesKept()
    {
        ReadingChoices.TryParse(
            RoelandPark,
            ["p3-end=exclusive", "p3-anchor", "p3-ancor=receipt", "p3-anchor=never", "p3-end=inclusive"],
            out var options,
            out var problems).Should().BeFalse();

        problems.Should().HaveCount(4);
        problems[0].Should().StartWith("'p3-anchor': give name=alternative, such as ");
        problems[1].Should().StartWith("p3-ancor=receipt: Roeland Park Ordinance 1005 has no reading 'p3-ancor'; its readings are: ");
        problems[2].Should().StartWith("p3-anchor=never: 'never' is not an alternative of reading 'p3-anchor'; choose one of: ");
        problems[3].Should().Be("p3-end=inclusive: reading 'p3-end' is already set to 'exclusive'; give each reading once");
        options.Readings.Should().Contain("p3-end", "exclusive").And.HaveCount(1);
    }
}
