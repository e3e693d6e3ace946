
namespace OrdinanceRules.Yaml.Tests.Samples;

/// <summary>
/// The bundled Kansas City, Kansas file extends the bundled ACLU of Kansas model: what the model says, the city
/// inherits unless it says otherwise. Run on copies of the two files, so the model can be changed.
/// </summary>
public sealed class KansasCitySampleTests : IDisposable
{
    private const string Scenario = "kck-judicial-warrant-reentry-hold-exception-applies.yaml";

    private readonly string _folder = Directory.CreateTempSubdirectory("kck-").FullName;

    public KansasCitySampleTests()
    {
        foreach (var file in new[] { "aclu-kansas-model.yaml", "kansas-city-ks.yaml" })
        {
            File.Copy(Repository.PathOf("samples", "ordinances", file), Path.Combine(_folder, file));
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void KansasCity_ExtendsTheModel_AndCitesBothItsOwnSectionAndTheModels()
    {
        var kck = Load();

        kck.Ordinance.Extends.Should().Equal("ACLU of Kansas Safe & Welcoming model rules (reconstructed)");
        kck.Ordinance.Provisions.Select(p => $"{p.Id} {p.Section} ({p.Origin})").Should().Equal(
            "AC-5 UG Act (status data) (from ACLU of Kansas Safe & Welcoming model rules (reconstructed), Model Rule 5)",
            "K2 UG Act (resources) (from ACLU of Kansas Safe & Welcoming model rules (reconstructed), Model Rule K2)",
            "K4 UG Act (disclosure) (from ACLU of Kansas Safe & Welcoming model rules (reconstructed), Model Rule K4)");

        var finding = Evaluate(kck).For("K2").Single();
        finding.Citation.Should().StartWith("Unified Government of Wyandotte County/Kansas City, Kan.").And.EndWith(", UG Act (resources)");
        finding.Origin!.Section.Should().Be("Model Rule K2");
    }

    [Fact]
    public void ModelParameter_ChangedInTheModel_ChangesTheCitysOutcome()
    {
        var before = Evaluate(Load()).For("K2").Single();

        var model = Path.Combine(_folder, "aclu-kansas-model.yaml");
        var text = File.ReadAllText(model);
        const string Declaration = "  judicial-warrant-exception:\n    type: yes-no\n    default: yes";
        text.Should().Contain(Declaration, "the test flips the model's default");
        File.WriteAllText(model, text.Replace(Declaration, Declaration[..^3] + "no", StringComparison.Ordinal));
        var after = Evaluate(Load()).For("K2").Single();

        before.Status.Should().Be(FindingStatus.ExceptionApplies);
        before.Exceptions.Select(e => e.Id).Should().Equal("K2-E4");
        after.Status.Should().Be(FindingStatus.Violated);
    }

    private CompiledOrdinance Load() =>
        OrdinanceCompiler.Compile(OrdinanceYaml.LoadOrdinance(Path.Combine(_folder, "kansas-city-ks.yaml")).GetValueOrThrow());

    private static ComplianceReport Evaluate(CompiledOrdinance kck)
    {
        var scenario = OrdinanceYaml.LoadScenario(Repository.PathOf("samples", "scenarios", "kansas-city-ks", Scenario), kck.Ordinance).GetValueOrThrow();
        return kck.Evaluate(scenario);
    }
}
