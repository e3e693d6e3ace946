using OrdinanceRules.Yaml.Tests.Samples;

namespace OrdinanceRules.Vocabularies.Tests;

/// <summary>The bundled vocabulary files are the repository's files, byte for byte, and only those.</summary>
public class BundledVocabularyFilesTests
{
    [Fact]
    public void Names_ListEveryFileOfTheVocabulariesFolder()
    {
        var files = Directory.GetFiles(Repository.PathOf("src", "OrdinanceRules.Vocabularies", "Vocabularies"), "*.yaml")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal);

        BundledVocabularyFiles.Names.Should().Equal(files).And.Contain("immigration-cooperation");
    }

    [Fact]
    public void ReadText_BundledName_ReturnsTheFilesText()
    {
        var text = BundledVocabularyFiles.ReadText("immigration-cooperation");

        text.Should().Be(File.ReadAllText(Repository.PathOf("src", "OrdinanceRules.Vocabularies", "Vocabularies", "immigration-cooperation.yaml")));
    }

    [Fact]
    public void ReadText_UnknownName_ReturnsNull()
    {
        BundledVocabularyFiles.ReadText("immigration").Should().BeNull();
    }
}
