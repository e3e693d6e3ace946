using OrdinanceRules.Yaml.Tests.Samples;

namespace OrdinanceRules.Yaml.Tests.Differential;

/// <summary>How many NRules rules Roeland Park compiles into, as docs/concepts.md ("How it runs") and benchmarks/README.md state.</summary>
public class RuleCountTests
{
    private const int RoelandParkRules = 170;

    [Fact]
    public void Compile_RoelandPark_GivesTheRuleCountTheDocsState()
    {
        var compiled = OrdinanceCompiler.Compile(OrdinanceYaml.LoadOrdinance(Repository.PathOf("samples", "ordinances", "roeland-park-ks.yaml")).GetValueOrThrow());

        compiled.RuleCount.Should().Be(RoelandParkRules);
        File.ReadAllText(Repository.PathOf("docs", "concepts.md")).Should().Contain($"Roeland Park's eight provisions\nmake {RoelandParkRules} rules");
    }
}
