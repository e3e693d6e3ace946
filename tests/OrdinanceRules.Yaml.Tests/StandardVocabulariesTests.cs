using OrdinanceRules.Yaml.Tests.Samples;

namespace OrdinanceRules.Yaml.Tests;

/// <summary>The bundled vocabularies, parsed once and shared with the ordinances that use them.</summary>
public class StandardVocabulariesTests
{
    [Fact]
    public void ImmigrationCooperation_IsTheVocabularyAnOrdinanceUses()
    {
        StandardVocabularies.Names.Should().Contain("immigration-cooperation");
        StandardVocabularies.ImmigrationCooperation.Name.Should().Be("immigration-cooperation");
        StandardVocabularies.ImmigrationCooperation.Should().BeSameAs(OrdinanceCompiler.Compile(OrdinanceYaml.LoadOrdinance(Repository.PathOf("samples", "ordinances", "aclu-kansas-model.yaml")).GetValueOrThrow()).Ordinance.Vocabulary);
        OrdinanceCompiler.Compile(OrdinanceYaml.LoadOrdinance(Repository.PathOf("samples", "ordinances", "roeland-park-ks.yaml")).GetValueOrThrow()).Ordinance.Vocabulary.Extends
            .Should().BeSameAs(StandardVocabularies.ImmigrationCooperation, "Roeland Park adds to the bundled vocabulary in its own file (reading I-7)");
        StandardVocabularies.Get("immigration-cooperation").Should().BeSameAs(StandardVocabularies.ImmigrationCooperation);
    }

    [Fact]
    public void Get_UnknownName_ThrowsNamingTheBundledOnes()
    {
        var get = () => StandardVocabularies.Get("immigration");

        get.Should().Throw<ArgumentException>().WithMessage("*'immigration'*immigration-cooperation*");
    }
}
